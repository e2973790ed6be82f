import type { RouteObject } from 'react-router';
import { RfpNewPage } from './components/rfp-new-page.tsx';
import { RfpPage } from './components/rfp-page.tsx';
import { RfpQueuePage } from './components/rfp-queue-page.tsx';

/** Pages anyone may open: a request with its pitches. */
export const rfpPublicRoutes: RouteObject[] = [{ path: 'rfps/:id', element: <RfpPage /> }];

/** Pages for a signed-in person: asking for proposals. */
export const rfpSignedInRoutes: RouteObject[] = [{ path: 'rfps/new', element: <RfpNewPage /> }];

/** The brand's Sales queue in its workspace. */
export const rfpBrandRoutes: RouteObject[] = [
  { path: 'orgs/:handle/sales-queue', element: <RfpQueuePage /> },
];
