import { Svg } from '../../../shared/ui/icons.tsx';
import type { WorkspaceTool } from '../../../shared/ui/workspace-tool.ts';
import type { Membership } from '../../identity/index.ts';

const InboxIcon = () => (
  <Svg size={20}>
    <path d="M4 4h16v16H4zM4 14h5l1 2h4l1-2h5" />
  </Svg>
);

const TeamIcon = () => (
  <Svg size={20}>
    <path d="M4 20v-8M10 20V4M16 20v-6M22 20H2" />
  </Svg>
);

/** Roles that work the Sales queue (the server's viewSales capability). */
const SELLERS = ['owner', 'admin', 'marketer', 'sales'];

/** The Sales queue, price requests and sales team tools of a brand's workspace. */
export function rfpWorkspaceTools(membership: Membership): WorkspaceTool[] {
  if (!SELLERS.includes(membership.role)) return [];
  return [
    {
      key: 'rfp-queue',
      to: `/orgs/${membership.org.handle}/sales-queue`,
      label: 'Sales queue',
      icon: <InboxIcon />,
      testId: 'workspace-tab-sales-queue',
      group: 'Shop',
      rank: 12,
    },
    {
      key: 'rfp-price-requests',
      to: `/orgs/${membership.org.handle}/price-requests`,
      label: 'Price requests',
      icon: <InboxIcon />,
      testId: 'workspace-tab-price-requests',
      group: 'Shop',
      rank: 13,
    },
    {
      key: 'rfp-sales-team',
      to: `/orgs/${membership.org.handle}/sales-team`,
      label: 'Sales team',
      icon: <TeamIcon />,
      testId: 'workspace-tab-sales-team',
      group: 'Shop',
      rank: 14,
    },
  ];
}
