import type { OrgRole, Principal } from '../../platform/http/auth.ts';

/** What each org role may do. One table, so a newcomer can read the whole policy at once. */
export const capabilities = {
  /** Publish and reply as the brand. */
  postAsOrg: ['owner', 'admin', 'marketer', 'agent', 'sales'],
  /** Edit the org's public profile. */
  editProfile: ['owner', 'admin'],
  /** Invite and remove members (only owners grant or remove owner and admin). */
  manageMembers: ['owner', 'admin'],
  /** Products, prices, stock, CSV import. */
  manageCatalog: ['owner', 'admin', 'marketer'],
  /** Publish deals to the brand's feed. */
  publishDeals: ['owner', 'admin', 'marketer'],
  /** Publish a deal the channel guard refused, with a recorded reason. */
  overrideChannelGuard: ['owner', 'admin'],
  /** Fulfil, cancel and refund orders. */
  manageOrders: ['owner', 'admin', 'sales'],
  /** Read and answer the care inbox. */
  workInbox: ['owner', 'admin', 'agent'],
  /**
   * Work the care conversations routed to sales (requests for proposals, product-at-a-price requests): read,
   * reply, note, propose a request. The whole inbox needs workInbox.
   */
  workSalesConversations: ['owner', 'admin', 'agent', 'sales'],
  /** Queues, routing rules and agents' limits. */
  manageInbox: ['owner', 'admin'],
  /** Listening: mentions, imports, topics and their charts. */
  listen: ['owner', 'admin', 'marketer', 'agent'],
  /** Orders, revenue and deal dashboards. */
  viewSales: ['owner', 'admin', 'marketer', 'sales'],
  /** Trade terms such as reseller floors (the brand's agreements, not for customers or other brands). */
  viewTradeTerms: ['owner', 'admin', 'marketer', 'sales'],
  /** Write the brand's social policy and read its audit log. */
  managePolicy: ['owner', 'admin', 'marketer'],
  /** Read the brand's policy and lint drafts against it (every member writes under it). */
  readPolicy: ['owner', 'admin', 'marketer', 'agent', 'sales', 'employee', 'partner'],
} as const satisfies Record<string, readonly OrgRole[]>;

export type Capability = keyof typeof capabilities;

export const ORG_ROLES: OrgRole[] = ['owner', 'admin', 'marketer', 'agent', 'sales', 'employee', 'partner'];

export function roleIn(principal: Principal | null, orgId: string): OrgRole | undefined {
  return principal?.memberships.find((m) => m.orgId === orgId)?.role;
}

export function can(principal: Principal | null, orgId: string, capability: Capability): boolean {
  const role = roleIn(principal, orgId);
  return role !== undefined && (capabilities[capability] as readonly OrgRole[]).includes(role);
}
