import { NavLink } from 'react-router';
import { CountBadge } from '../../../shared/ui/count-badge.tsx';
import { ChatIcon, LifebuoyIcon } from '../../../shared/ui/icons.tsx';
import type { Me } from '../../identity/index.ts';
import { INBOX_ROLES } from '../api/care.types.ts';
import { useMyCareAwaiting } from '../hooks/use-my-care.ts';

/** "Inbox" for each brand where the user answers customers (owner, admin or agent). */
export function CareNav({ me }: { me: Me }) {
  const brands = me.memberships.filter((m) => m.org.kind === 'brand' && INBOX_ROLES.includes(m.role));
  return (
    <>
      {brands.map(({ org }) => (
        <NavLink
          key={org.id}
          to={`/orgs/${org.handle}/inbox`}
          className={({ isActive }) => (isActive ? 'nav-item active' : 'nav-item')}
          data-testid="nav-inbox"
          title={`${org.name} inbox`}
        >
          <span className="nav-icon">
            <ChatIcon />
          </span>
          <span className="nav-label truncate">{brands.length > 1 ? `Inbox · ${org.name}` : 'Inbox'}</span>
        </NavLink>
      ))}
    </>
  );
}

/**
 * "Support" for every signed-in person: their conversations with brands. The badge counts what waits for their
 * answer (a request to continue privately, a rating), since a brand's question arrives as an ordinary reply.
 */
export function MyCareNav() {
  const awaiting = useMyCareAwaiting();
  return (
    <NavLink
      to="/me/care"
      className={({ isActive }) => (isActive ? 'nav-item active' : 'nav-item')}
      data-testid="nav-my-care"
    >
      <span className="nav-icon">
        <LifebuoyIcon />
        <CountBadge count={awaiting} testId="my-care-badge" label="conversations waiting for your answer" />
      </span>
      <span className="nav-label">Support</span>
    </NavLink>
  );
}
