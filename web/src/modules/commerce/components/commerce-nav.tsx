import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { CountBadge } from '../../../shared/ui/count-badge.tsx';
import type { NavEntry, WorkspaceTool } from '../../../shared/ui/workspace-tool.ts';
import type { Me, Membership } from '../../identity/index.ts';
import { accessOf, shopMemberships } from '../hooks/use-brand-roles.ts';
import { useCartCount } from '../hooks/use-shopper.ts';
import { BoxIcon, CartIcon, ChartIcon, ReceiptIcon, TagIcon } from './commerce-icons.tsx';

function Item({
  to,
  icon,
  label,
  badge,
  testId,
}: {
  to: string;
  icon: ReactNode;
  label: string;
  badge?: ReactNode;
  testId: string;
}) {
  return (
    <NavLink
      to={to}
      className={({ isActive }) => (isActive ? 'nav-item active' : 'nav-item')}
      data-testid={testId}
    >
      <span className="nav-icon">
        {icon}
        {badge}
      </span>
      <span className="nav-label">{label}</span>
    </NavLink>
  );
}

/** Cart (with its count) and Orders, for every signed-in user. */
export function ShopperNav() {
  const count = useCartCount(true);
  return (
    <>
      <Item
        to="/cart"
        icon={<CartIcon />}
        label="Cart"
        testId="nav-cart"
        badge={<CountBadge count={count} testId="cart-badge" label="items in your cart" />}
      />
      <Item to="/orders" icon={<ReceiptIcon />} label="Orders" testId="nav-orders" />
    </>
  );
}

/** Cart (with its count) and Orders, as entries of the phone's navigation. */
export function useShopperEntries(): NavEntry[] {
  const count = useCartCount(true);
  return [
    {
      key: 'cart',
      to: '/cart',
      label: 'Cart',
      icon: <CartIcon />,
      badge: <CountBadge count={count} testId="tabbar-cart-badge" label="items in your cart" />,
    },
    { key: 'orders', to: '/orders', label: 'Orders', icon: <ReceiptIcon /> },
  ];
}

/** The shop areas of each brand the user works for, as far as their role goes. */
export function BrandNav({ me }: { me: Me }) {
  return (
    <>
      {shopMemberships(me.memberships).map(({ org, role }) => {
        const access = accessOf(role);
        const base = `/orgs/${org.handle}`;
        return (
          <div key={org.id} className="nav-commerce-staff" data-testid="nav-brand">
            <p className="nav-section truncate">{org.name}</p>
            {access.catalog && (
              <Item to={`${base}/catalog`} icon={<BoxIcon />} label="Catalog" testId="nav-catalog" />
            )}
            {access.deals && (
              <Item to={`${base}/deals`} icon={<TagIcon />} label="Deals" testId="nav-deals" />
            )}
            {access.orders && (
              <Item
                to={`${base}/orders`}
                icon={<ReceiptIcon />}
                label="Brand orders"
                testId="nav-brand-orders"
              />
            )}
            {access.sales && (
              <Item to={`${base}/sales`} icon={<ChartIcon />} label="Sales" testId="nav-sales" />
            )}
          </div>
        );
      })}
    </>
  );
}

const SHOP_AREAS: {
  area: 'catalog' | 'deals' | 'sales' | 'orders';
  path?: string;
  label: string;
  icon: ReactNode;
}[] = [
  { area: 'catalog', label: 'Catalog', icon: <BoxIcon /> },
  { area: 'deals', label: 'Deals', icon: <TagIcon /> },
  { area: 'sales', label: 'Sales', icon: <ChartIcon /> },
  { area: 'orders', label: 'Orders', icon: <ReceiptIcon /> },
  { area: 'catalog', path: 'discounts', label: 'Codes', icon: <TagIcon /> },
  { area: 'orders', path: 'returns', label: 'Returns', icon: <ReceiptIcon /> },
  { area: 'catalog', path: 'shipping', label: 'Shipping', icon: <BoxIcon /> },
];

/** The shop pages of a brand's workspace that the member's role opens, Catalog, Deals and Sales first. */
export function commerceWorkspaceTools(membership: Membership): WorkspaceTool[] {
  if (shopMemberships([membership]).length === 0) return [];
  const access = accessOf(membership.role);
  return SHOP_AREAS.filter(({ area }) => access[area]).map(({ area, path, label, icon }, index) => ({
    key: path ?? area,
    to: `/orgs/${membership.org.handle}/${path ?? area}`,
    label,
    icon,
    testId: `workspace-tab-${path ?? area}`,
    group: 'Shop',
    rank: 1 + index,
  }));
}
