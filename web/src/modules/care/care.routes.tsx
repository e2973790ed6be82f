import type { RouteObject } from 'react-router';

// The agent workspace is loaded only when someone opens it: most users never answer for a brand.
const inbox = async () => ({ Component: (await import('./components/inbox-page.tsx')).InboxPage });
const rules = async () => ({ Component: (await import('./components/rules-page.tsx')).RulesPage });
const slaSettings = async () => ({
  Component: (await import('./components/sla-settings-page.tsx')).SlaSettingsPage,
});
const setup = async () => ({
  Component: (await import('./components/inbox-setup-page.tsx')).InboxSetupPage,
});
const myCare = async () => ({ Component: (await import('./components/my-care-page.tsx')).MyCarePage });
const report = async () => ({ Component: (await import('./components/sla-report-page.tsx')).SlaReportPage });

/** The care inbox of a brand, its rules and settings, for its owners, admins and agents: brand workspace pages. */
export const careBrandRoutes: RouteObject[] = [
  { path: 'orgs/:handle/inbox', lazy: inbox },
  { path: 'orgs/:handle/inbox/rules', lazy: rules },
  { path: 'orgs/:handle/inbox/sla', lazy: slaSettings },
  { path: 'orgs/:handle/inbox/report', lazy: report },
  { path: 'orgs/:handle/inbox/setup', lazy: setup },
];

/** The person's own conversations with brands (Support), where they answer a request to go private and rate the help. */
export const careSignedInRoutes: RouteObject[] = [{ path: 'me/care', lazy: myCare }];
