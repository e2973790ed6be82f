/** Events the identity module emits. */
export type IdentityEvents = {
  'account.created': { accountId: string; kind: 'person' | 'brand' | 'reseller'; handle: string };
  'org.member_added': { orgId: string; userId: string; role: string };
  'org.member_removed': { orgId: string; userId: string };
};
