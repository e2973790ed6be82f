import { NavLink } from 'react-router';
import { CountBadge } from '../../../shared/ui/count-badge.tsx';
import type { Me } from '../../identity/api/identity.types.ts';
import { INBOX_ROLES } from '../api/care.types.ts';
import { useMyCareAwaiting } from '../hooks/use-my-care.ts';

const ChatIcon = () => (
  <svg
    width={20}
    height={20}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z" />
    <path d="M8.5 11h.01M12 11h.01M15.5 11h.01" />
  </svg>
);

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

const LifebuoyIcon = () => (
  <svg
    width={20}
    height={20}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <circle cx="12" cy="12" r="9" />
    <circle cx="12" cy="12" r="4" />
    <path d="M5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6" />
  </svg>
);

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
