import type { RouteObject } from 'react-router';
import './care.css';

// The agent workspace is loaded only when someone opens it: most users never answer for a brand.
const inbox = async () => ({ Component: (await import('./components/inbox-page.tsx')).InboxPage });
const rules = async () => ({ Component: (await import('./components/rules-page.tsx')).RulesPage });

/** The care inbox of a brand and its routing rules, for its owners, admins and agents. */
export const careSignedInRoutes: RouteObject[] = [
  { path: 'orgs/:handle/inbox', lazy: inbox },
  { path: 'orgs/:handle/inbox/rules', lazy: rules },
];
