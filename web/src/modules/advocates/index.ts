// The advocates module's door: the only file the app and other modules import. It brings the module's styles.
import './advocates.css';

/** The brand's Advocates pages (ranking, segments, referral review and rules); the person's Rewards page. */
export { advocatesBrandRoutes, advocatesSignedInRoutes } from './advocates.routes.tsx';
/** The workspace's navigation entry for the Advocates tool. */
export { advocatesWorkspaceTools } from './components/advocates-nav.tsx';
/** The person's Rewards entry: side navigation and the phone's "More" menu. */
export { MyRewardsNav, rewardsEntry } from './components/rewards-nav.tsx';
/** The brand's saved advocate segments (a deal's audience can be one). */
export { useAdvocateSegments } from './hooks/use-advocate-segments.ts';
export { useBrandTiers } from './hooks/use-brand-tiers.ts';
