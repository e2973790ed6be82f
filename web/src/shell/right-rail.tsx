import { Link, useNavigate } from 'react-router';
import type { Me } from '../modules/identity/index.ts';
import { MANAGING_ROLES } from '../modules/identity/index.ts';
import { SearchForm, WhoToFollow } from '../modules/social/index.ts';
import { AccountRow } from '../shared/ui/account-row.tsx';
import { PlusIcon } from '../shared/ui/icons.tsx';

function Organizations({ me }: { me: Me }) {
  return (
    <section className="rail-card" aria-labelledby="rail-orgs">
      <h2 id="rail-orgs">Your organizations</h2>
      {me.memberships.length === 0 && (
        <p className="muted small">Run a brand or a shop? Give it a home on Souk.</p>
      )}
      {me.memberships.map((m) => (
        <AccountRow
          key={m.org.id}
          account={m.org}
          size={32}
          trailing={
            MANAGING_ROLES.includes(m.role) ? (
              <Link to={`/orgs/${m.org.handle}/manage`} className="btn btn-ghost btn-xs">
                Manage
              </Link>
            ) : (
              <span className="role-chip">{m.role}</span>
            )
          }
        />
      ))}
      <Link to="/orgs/new" className="rail-link" data-testid="nav-new-org">
        <PlusIcon size={16} /> New brand or reseller
      </Link>
    </section>
  );
}

/** The right column: search, whom to follow, your organizations, and a few words about Souk. */
export function RightRail({ me }: { me: Me | null }) {
  const navigate = useNavigate();
  return (
    <aside className="right-rail" aria-label="Sidebar">
      <SearchForm testId="rail-search" onSearch={(q) => navigate(`/search?q=${encodeURIComponent(q)}`)} />
      {me ? (
        <>
          <WhoToFollow limit={3} variant="rail" />
          <Organizations me={me} />
        </>
      ) : (
        <section className="rail-card">
          <h2>New to Souk?</h2>
          <p className="muted small">Follow the people and brands you love, and talk with them in public.</p>
          <Link to="/signup" className="btn btn-primary btn-block">
            Create an account
          </Link>
        </section>
      )}
      <p className="rail-footer muted small">Souk · open-source social commerce</p>
    </aside>
  );
}
