import { ClockIcon, LockIcon } from '../../../shared/ui/icons.tsx';
import type { WorkspaceTool } from '../../../shared/ui/workspace-tool.ts';
import type { Membership } from '../../identity/index.ts';

/** Who writes the brand's policy and reads its audit log (the server's `managePolicy`). */
export const POLICY_ROLES: Membership['role'][] = ['owner', 'admin', 'marketer'];

/** Who posts as the brand (the server's `postAsOrg`): they see the approvals queue. */
export const POSTING_ROLES: Membership['role'][] = ['owner', 'admin', 'marketer', 'agent', 'sales'];

/** "Certification" for every member, "Approvals" for those who post as the brand, "Policy" for those who write it. */
export function governanceWorkspaceTools({ org, role }: Membership): WorkspaceTool[] {
  if (org.kind !== 'brand') return [];
  const course: WorkspaceTool = {
    key: 'certification',
    to: `/orgs/${org.handle}/certification`,
    label: 'Certification',
    icon: <LockIcon />,
    testId: 'workspace-certification',
    group: 'Brand',
    rank: 39,
  };
  const advocacy: WorkspaceTool = {
    key: 'advocacy',
    to: `/orgs/${org.handle}/advocacy`,
    label: 'Advocacy',
    icon: <ClockIcon />,
    testId: 'workspace-advocacy',
    group: 'Brand',
    rank: 40,
  };
  if (!POSTING_ROLES.includes(role)) return [course, advocacy];
  const approvals: WorkspaceTool = {
    key: 'approvals',
    to: `/orgs/${org.handle}/approvals`,
    label: 'Approvals',
    icon: <ClockIcon />,
    testId: 'workspace-approvals',
    group: 'Brand',
    rank: 37,
  };
  if (!POLICY_ROLES.includes(role)) return [approvals, course, advocacy];
  return [
    approvals,
    course,
    advocacy,
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
