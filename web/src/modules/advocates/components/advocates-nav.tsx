import { Svg } from '../../../shared/ui/icons.tsx';
import type { WorkspaceTool } from '../../../shared/ui/workspace-tool.ts';
import type { Membership } from '../../identity/index.ts';

const MegaphoneIcon = () => (
  <Svg size={20}>
    <path d="M3 11v2a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1zM15 9a4 4 0 0 1 0 6M18 6a8 8 0 0 1 0 12" />
  </Svg>
);

/** Roles that see the brand's sales and so its advocates (the server's viewSales capability). */
const VIEWERS = ['owner', 'admin', 'marketer', 'sales'];

/** The Advocates tool of a brand's workspace: ranked advocates, segments, the referral review queue. */
export function advocatesWorkspaceTools(membership: Membership): WorkspaceTool[] {
  if (!VIEWERS.includes(membership.role)) return [];
  return [
    {
      key: 'advocates',
      to: `/orgs/${membership.org.handle}/advocates`,
      label: 'Advocates',
      icon: <MegaphoneIcon />,
      testId: 'workspace-tab-advocates',
      group: 'Community',
      rank: 9,
    },
  ];
}
