import type { RouteObject } from 'react-router';
import { ChallengePage, ChallengesPage } from './components/challenges-pages.tsx';
import { IdeaPage } from './components/idea-page.tsx';
import { IdeasModerationPage } from './components/ideas-moderation-page.tsx';
import { IdeasPortalPage } from './components/ideas-portal-page.tsx';
import { IdeasWorkspacePage } from './components/ideas-workspace-page.tsx';

/** Pages anyone may open: a brand's ideas portal and an idea. */
export const ideasPublicRoutes: RouteObject[] = [
  { path: 'orgs/:handle/ideas', element: <IdeasPortalPage /> },
  { path: 'ideas/:id', element: <IdeaPage /> },
  { path: 'orgs/:handle/challenges', element: <ChallengesPage /> },
  { path: 'challenges/:id', element: <ChallengePage /> },
];

/** The brand's ideas tool in its workspace. */
export const ideasBrandRoutes: RouteObject[] = [
  { path: 'orgs/:handle/ideas-review', element: <IdeasWorkspacePage /> },
  { path: 'orgs/:handle/ideas-hidden', element: <IdeasModerationPage /> },
];
