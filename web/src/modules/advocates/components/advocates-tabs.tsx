import { NavLink } from 'react-router';

/** The pages of the Advocates tool: ranking, referrals with their rules, tiers, and the long-game dashboard. */
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
      <NavLink to={`/orgs/${handle}/advocates/tiers`} className={cls} data-testid="advocates-tab-tiers">
        Tiers
      </NavLink>
      <NavLink
        to={`/orgs/${handle}/advocates/long-game`}
        className={cls}
        data-testid="advocates-tab-long-game"
      >
        Long game
      </NavLink>
    </nav>
  );
}
