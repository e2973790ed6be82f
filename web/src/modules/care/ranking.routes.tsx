import type { RouteObject } from 'react-router';

const ranking = async () => ({ Component: (await import('./components/ranking-page.tsx')).RankingPage });
const brand = async () => ({ Component: (await import('./components/ranking-page.tsx')).BrandRankingPage });

/** The public service-quality ranking and each brand's page (no sign-in). */
export const carePublicRoutes: RouteObject[] = [
  { path: 'service-ranking', lazy: ranking },
  { path: 'service-ranking/:handle', lazy: brand },
];
