import type { RouteObject } from 'react-router';

const approvals = async () => ({
  Component: (await import('./components/approvals-page.tsx')).ApprovalsPage,
});
const policy = async () => ({ Component: (await import('./components/policy-page.tsx')).PolicyPage });

/** The brand's social policy (rules, try it, audit log) and its approvals queue: brand workspace pages. */
export const governanceBrandRoutes: RouteObject[] = [
  { path: 'orgs/:handle/policy', lazy: policy },
  { path: 'orgs/:handle/approvals', lazy: approvals },
];
