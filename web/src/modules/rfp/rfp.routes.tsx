import type { RouteObject } from 'react-router';
import { LeaderboardPage } from './components/leaderboard-page.tsx';
import { QuotePage } from './components/quote-page.tsx';
import { RfpNewPage } from './components/rfp-new-page.tsx';
import { RfpPage } from './components/rfp-page.tsx';
import { RfpQueuePage } from './components/rfp-queue-page.tsx';
import { VrmQueuePage } from './components/vrm-queue-page.tsx';

/** Pages anyone may open: a request with its pitches. */
export const rfpPublicRoutes: RouteObject[] = [{ path: 'rfps/:id', element: <RfpPage /> }];

/** Pages for a signed-in person: asking for proposals, a quote's cart link. */
export const rfpSignedInRoutes: RouteObject[] = [
  { path: 'rfps/new', element: <RfpNewPage /> },
  { path: 'quotes/:id', element: <QuotePage /> },
];

/** The brand's Sales queue, price requests (VRM quotes) and sales team leaderboard in its workspace. */
export const rfpBrandRoutes: RouteObject[] = [
  { path: 'orgs/:handle/sales-queue', element: <RfpQueuePage /> },
  { path: 'orgs/:handle/price-requests', element: <VrmQueuePage /> },
  { path: 'orgs/:handle/sales-team', element: <LeaderboardPage /> },
];
