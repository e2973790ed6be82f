import type { ReactNode } from 'react';
import { Link, NavLink, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState } from '../../../shared/ui/status.tsx';
import type { Membership } from '../../identity/index.ts';
import { type ShopAccess, useBrandAccess } from '../hooks/use-brand-roles.ts';

type Area = 'catalog' | 'deals' | 'orders' | 'sales';

const AREAS: { area: Area; label: string }[] = [
  { area: 'catalog', label: 'Catalog' },
  { area: 'deals', label: 'Deals' },
  { area: 'orders', label: 'Orders' },
  { area: 'sales', label: 'Sales' },
];

function WorkspaceTabs({ handle, access }: { handle: string; access: ShopAccess }) {
  return (
    <nav className="tabs workspace-tabs" aria-label="Brand workspace">
      {AREAS.filter(({ area }) => access[area]).map(({ area, label }) => (
        <NavLink
          key={area}
          to={`/orgs/${handle}/${area}`}
          className={({ isActive }) => (isActive ? 'tab active' : 'tab')}
          data-testid={`workspace-tab-${area}`}
        >
          {label}
        </NavLink>
      ))}
    </nav>
  );
}

/**
 * A page of a brand's workspace: its title, the areas the user's role opens, and the page itself, or an
 * explanation when the role does not open this area.
 */
export function Workspace({
  area,
  title,
  actions,
  children,
}: {
  area: Area;
  title: string;
  actions?: ReactNode;
  children: (context: { handle: string; membership: Membership; access: ShopAccess }) => ReactNode;
}) {
  const { handle = '' } = useParams();
  const { membership, access } = useBrandAccess(handle);
  if (!membership || !access[area]) {
    return (
      <>
        <PageHeader title={title} back />
        <EmptyState
          title={membership ? `Your role cannot open ${area}` : `You are not on the team of @${handle}`}
        >
          <Link to={`/@${handle}`}>View its profile</Link>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`${membership.org.name} · ${title}`}>{actions}</PageHeader>
      <WorkspaceTabs handle={membership.org.handle} access={access} />
      {children({ handle: membership.org.handle, membership, access })}
    </>
  );
}
