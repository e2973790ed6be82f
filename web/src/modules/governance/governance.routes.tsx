import type { RouteObject } from 'react-router';

const policy = async () => ({ Component: (await import('./components/policy-page.tsx')).PolicyPage });

/** The brand's social policy: its rules, a box to try them and the audit log. A brand workspace page. */
export const governanceBrandRoutes: RouteObject[] = [{ path: 'orgs/:handle/policy', lazy: policy }];
