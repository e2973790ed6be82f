import type { RouteObject } from 'react-router';

const advocates = async () => ({
  Component: (await import('./components/advocates-page.tsx')).AdvocatesPage,
});
const referrals = async () => ({
  Component: (await import('./components/referrals-page.tsx')).ReferralsPage,
});
const tiers = async () => ({
  Component: (await import('./components/tiers-page.tsx')).TiersPage,
});
const longGame = async () => ({
  Component: (await import('./components/long-game-page.tsx')).LongGamePage,
});
const rewards = async () => ({
  Component: (await import('./components/my-rewards-page.tsx')).MyRewardsPage,
});

/** The brand's Advocates pages in its workspace: the ranking, and referrals with their rules. */
export const advocatesBrandRoutes: RouteObject[] = [
  { path: 'orgs/:handle/advocates', lazy: advocates },
  { path: 'orgs/:handle/advocates/referrals', lazy: referrals },
  { path: 'orgs/:handle/advocates/tiers', lazy: tiers },
  { path: 'orgs/:handle/advocates/long-game', lazy: longGame },
];

/** The person's referrals and points. */
export const advocatesSignedInRoutes: RouteObject[] = [{ path: 'me/rewards', lazy: rewards }];
