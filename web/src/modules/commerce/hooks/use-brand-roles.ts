import type { Membership, OrgRole } from '../../identity/index.ts';
import { useViewer } from '../../identity/index.ts';
import { CATALOG_ROLES, ORDER_ROLES, OVERRIDE_ROLES, SALES_ROLES } from '../api/commerce.types.ts';

export type ShopAccess = {
  catalog: boolean;
  deals: boolean;
  orders: boolean;
  sales: boolean;
  override: boolean;
  settings: boolean;
};

export function accessOf(role: OrgRole | undefined): ShopAccess {
  const has = (roles: OrgRole[]) => role !== undefined && roles.includes(role);
  return {
    catalog: has(CATALOG_ROLES),
    deals: has(CATALOG_ROLES),
    orders: has(ORDER_ROLES),
    sales: has(SALES_ROLES),
    override: has(OVERRIDE_ROLES),
    settings: has(OVERRIDE_ROLES),
  };
}

/** Brands where the user has some shop work to do (catalog, deals, orders or sales). */
export function shopMemberships(memberships: Membership[]): Membership[] {
  return memberships.filter(
    (m) => m.org.kind === 'brand' && [...SALES_ROLES, ...ORDER_ROLES].includes(m.role),
  );
}

/** The user's membership in a brand (by handle) and what it lets them do in its shop. */
export function useBrandAccess(handle: string) {
  const me = useViewer();
  const membership = me?.memberships.find((m) => m.org.handle.toLowerCase() === handle.toLowerCase());
  return { membership, access: accessOf(membership?.role) };
}
