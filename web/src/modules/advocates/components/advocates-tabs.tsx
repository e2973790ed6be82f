import { NavLink } from 'react-router';

/** The two pages of the Advocates tool: the ranking and the referrals with their rules. */
export function AdvocatesTabs({ handle }: { handle: string }) {
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? 'advocates-tab active' : 'advocates-tab');
  return (
    <nav className="advocates-tabs" aria-label="Advocates">
      <NavLink to={`/orgs/${handle}/advocates`} end className={cls}>
        Ranking
      </NavLink>
      <NavLink
        to={`/orgs/${handle}/advocates/referrals`}
        className={cls}
        data-testid="advocates-tab-referrals"
      >
        Referrals & points
      </NavLink>
    </nav>
  );
}
