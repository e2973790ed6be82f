import { useViewer } from '../../identity/index.ts';
import { INBOX_ROLES, RULE_ROLES, SALES_INBOX_ROLES } from '../api/care.types.ts';

/** The user's membership in a brand (by handle) and whether it opens the inbox (all of it, or sales') and its rules. */
export function useInboxAccess(handle: string) {
  const me = useViewer();
  const membership = me?.memberships.find((m) => m.org.handle.toLowerCase() === handle.toLowerCase());
  return {
    me,
    membership,
    canWork: membership !== undefined && INBOX_ROLES.includes(membership.role),
    /** A sales member: the inbox lists only the conversations routed to sales, without its settings. */
    salesOnly: membership !== undefined && SALES_INBOX_ROLES.includes(membership.role),
    canManageRules: membership !== undefined && RULE_ROLES.includes(membership.role),
  };
}
