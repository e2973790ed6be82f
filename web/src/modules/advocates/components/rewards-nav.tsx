import { NavLink } from 'react-router';
import { Svg } from '../../../shared/ui/icons.tsx';
import type { NavEntry } from '../../../shared/ui/workspace-tool.ts';

const StarIcon = () => (
  <Svg size={20}>
    <path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z" />
  </Svg>
);

/** The person's referrals and points, in the side navigation. */
export function MyRewardsNav() {
  return (
    <NavLink
      to="/me/rewards"
      className={({ isActive }) => (isActive ? 'nav-item active' : 'nav-item')}
      data-testid="nav-rewards"
    >
      <span className="nav-icon">
        <StarIcon />
      </span>
      <span className="nav-label">Rewards</span>
    </NavLink>
  );
}

/** The same entry for the phone's "More" menu. */
export const rewardsEntry: NavEntry = {
  key: 'rewards',
  to: '/me/rewards',
  label: 'Rewards',
  icon: <StarIcon />,
};
