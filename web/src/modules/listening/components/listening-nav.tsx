import { AtIcon, ListIcon } from '../../../shared/ui/icons.tsx';
import type { WorkspaceTool } from '../../../shared/ui/workspace-tool.ts';
import type { Membership } from '../../identity/index.ts';

const LISTENING_ROLES = ['owner', 'admin', 'marketer', 'agent'];

/** The Listening entry of a brand's workspace, for the roles that may listen. */
export function listeningWorkspaceTools({ org, role }: Membership): WorkspaceTool[] {
  if (org.kind !== 'brand' || !LISTENING_ROLES.includes(role)) return [];
  return [
    {
      key: 'listening',
      to: `/orgs/${org.handle}/listening`,
      label: 'Listening',
      icon: <AtIcon />,
      testId: 'workspace-listening',
      group: 'Insight',
      rank: 40,
    },
    {
      key: 'listening-rules',
      to: `/orgs/${org.handle}/listening/rules`,
      label: 'Tagging rules',
      icon: <ListIcon />,
      testId: 'workspace-listening-rules',
      group: 'Insight',
      rank: 42,
    },
    {
      key: 'briefings',
      to: `/orgs/${org.handle}/listening/briefings`,
      label: 'Briefing books',
      icon: <ListIcon />,
      testId: 'workspace-briefings',
      group: 'Insight',
      rank: 41,
    },
  ];
}
