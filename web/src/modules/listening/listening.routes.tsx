import type { RouteObject } from 'react-router';

const listening = async () => ({
  Component: (await import('./components/listening-page.tsx')).ListeningPage,
});
const briefings = async () => ({
  Component: (await import('./components/briefings-page.tsx')).BriefingsPage,
});
const briefing = async () => ({
  Component: (await import('./components/briefing-page.tsx')).BriefingPage,
});
const rules = async () => ({ Component: (await import('./components/rules-page.tsx')).RulesPage });
const topic = async () => ({ Component: (await import('./components/topic-page.tsx')).TopicPage });

/** A brand's listening pages: topics and imports, and each topic's page. */
export const listeningBrandRoutes: RouteObject[] = [
  { path: 'orgs/:handle/listening', lazy: listening },
  { path: 'orgs/:handle/listening/topics/:id', lazy: topic },
  { path: 'orgs/:handle/listening/rules', lazy: rules },
  { path: 'orgs/:handle/listening/briefings', lazy: briefings },
  { path: 'orgs/:handle/listening/briefings/:id', lazy: briefing },
];
