import type { RouteObject } from 'react-router';

const approvals = async () => ({
  Component: (await import('./components/approvals-page.tsx')).ApprovalsPage,
});
const course = async () => ({ Component: (await import('./components/course-page.tsx')).CoursePage });
const certificate = async () => ({
  Component: (await import('./components/certificate-page.tsx')).CertificatePage,
});
const advocacy = async () => ({
  Component: (await import('./components/advocacy-page.tsx')).AdvocacyPage,
});
const policy = async () => ({ Component: (await import('./components/policy-page.tsx')).PolicyPage });

/** The brand's social policy (rules, try it, audit log) and its approvals queue: brand workspace pages. */
export const governanceBrandRoutes: RouteObject[] = [
  { path: 'orgs/:handle/policy', lazy: policy },
  { path: 'orgs/:handle/approvals', lazy: approvals },
  { path: 'orgs/:handle/certification', lazy: course },
  { path: 'orgs/:handle/advocacy', lazy: advocacy },
];

/** A certificate anyone can verify by its link. */
export const governancePublicRoutes: RouteObject[] = [{ path: 'certificates/:id', lazy: certificate }];
