import { LockIcon } from '../../../shared/ui/icons.tsx';
import type { WorkspaceTool } from '../../../shared/ui/workspace-tool.ts';
import type { Membership } from '../../identity/index.ts';

/** Who writes the brand's policy and reads its audit log (the server's `managePolicy`). */
export const POLICY_ROLES: Membership['role'][] = ['owner', 'admin', 'marketer'];

/** "Policy" in a brand's workspace, for those who write it. */
export function governanceWorkspaceTools({ org, role }: Membership): WorkspaceTool[] {
  if (org.kind !== 'brand' || !POLICY_ROLES.includes(role)) return [];
  return [
    {
      key: 'policy',
      to: `/orgs/${org.handle}/policy`,
      label: 'Policy',
      icon: <LockIcon />,
      testId: 'workspace-policy',
      group: 'Brand',
      rank: 38,
    },
  ];
}
