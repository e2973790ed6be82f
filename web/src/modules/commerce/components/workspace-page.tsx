import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState } from '../../../shared/ui/status.tsx';
import type { Membership } from '../../identity/index.ts';
import { type ShopAccess, useBrandAccess } from '../hooks/use-brand-roles.ts';

type Area = 'catalog' | 'deals' | 'orders' | 'sales';

/**
 * A shop page of a brand's workspace: its title and the page itself, or an explanation when the role does not
 * open this area. The workspace layout of the shell lists the areas the role opens.
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
      {children({ handle: membership.org.handle, membership, access })}
    </>
  );
}
