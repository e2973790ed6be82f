import type { RouteObject } from 'react-router';

const advocates = async () => ({
  Component: (await import('./components/advocates-page.tsx')).AdvocatesPage,
});
const referrals = async () => ({
  Component: (await import('./components/referrals-page.tsx')).ReferralsPage,
});
const rewards = async () => ({
  Component: (await import('./components/my-rewards-page.tsx')).MyRewardsPage,
});

/** The brand's Advocates pages in its workspace: the ranking, and referrals with their rules. */
export const advocatesBrandRoutes: RouteObject[] = [
  { path: 'orgs/:handle/advocates', lazy: advocates },
  { path: 'orgs/:handle/advocates/referrals', lazy: referrals },
];

/** The person's referrals and points. */
export const advocatesSignedInRoutes: RouteObject[] = [{ path: 'me/rewards', lazy: rewards }];
