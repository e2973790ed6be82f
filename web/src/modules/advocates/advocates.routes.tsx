import type { RouteObject } from 'react-router';

const advocates = async () => ({
  Component: (await import('./components/advocates-page.tsx')).AdvocatesPage,
});

/** The brand's Advocates page in its workspace. */
export const advocatesBrandRoutes: RouteObject[] = [{ path: 'orgs/:handle/advocates', lazy: advocates }];
