import { Svg } from '../../../shared/ui/icons.tsx';
import type { WorkspaceTool } from '../../../shared/ui/workspace-tool.ts';
import type { Membership } from '../../identity/index.ts';

const BulbIcon = () => (
  <Svg size={20}>
    <path d="M9 18h6M10 22h4M12 2a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2z" />
  </Svg>
);

/** Roles that review ideas (the server's postAsOrg capability). */
const REVIEWERS = ['owner', 'admin', 'marketer', 'agent', 'sales'];

/** The ideas tool of a brand's workspace. */
export function ideasWorkspaceTools(membership: Membership): WorkspaceTool[] {
  if (!REVIEWERS.includes(membership.role)) return [];
  return [
    {
      key: 'ideas',
      to: `/orgs/${membership.org.handle}/ideas-review`,
      label: 'Ideas',
      icon: <BulbIcon />,
      testId: 'workspace-tab-ideas',
      group: 'Community',
      rank: 8,
    },
  ];
}
