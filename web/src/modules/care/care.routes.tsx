import type { RouteObject } from 'react-router';
import './care.css';
import './care-extras.css';
import './sla.css';

// The agent workspace is loaded only when someone opens it: most users never answer for a brand.
const inbox = async () => ({ Component: (await import('./components/inbox-page.tsx')).InboxPage });
const rules = async () => ({ Component: (await import('./components/rules-page.tsx')).RulesPage });
const slaSettings = async () => ({
  Component: (await import('./components/sla-settings-page.tsx')).SlaSettingsPage,
});
const report = async () => ({ Component: (await import('./components/sla-report-page.tsx')).SlaReportPage });

/** The care inbox of a brand and its routing rules, for its owners, admins and agents. */
export const careSignedInRoutes: RouteObject[] = [
  { path: 'orgs/:handle/inbox', lazy: inbox },
  { path: 'orgs/:handle/inbox/rules', lazy: rules },
  { path: 'orgs/:handle/inbox/sla', lazy: slaSettings },
  { path: 'orgs/:handle/inbox/report', lazy: report },
];
