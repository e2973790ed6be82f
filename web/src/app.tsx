import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Outlet, ScrollRestoration } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { advocatesBrandRoutes, advocatesSignedInRoutes } from './modules/advocates/index.ts';
import { careBrandRoutes, carePublicRoutes, careSignedInRoutes } from './modules/care/index.ts';
import {
  commerceBrandRoutes,
  commercePublicRoutes,
  commerceSignedInRoutes,
} from './modules/commerce/index.ts';
import { governanceBrandRoutes, governancePublicRoutes } from './modules/governance/index.ts';
import { ideasBrandRoutes, ideasPublicRoutes } from './modules/ideas/index.ts';
import {
  ForgotPasswordPage,
  fetchMe,
  InvitationsPage,
  LoginPage,
  meKey,
  OrgManagePage,
  OrgNewPage,
  RequireAuth,
  ResetPasswordPage,
  SettingsPage,
  SignupPage,
  VerifyEmailPage,
} from './modules/identity/index.ts';
import { listeningBrandRoutes } from './modules/listening/index.ts';
import { NotificationsPage, UnsubscribePage } from './modules/notifications/index.ts';
import { rfpBrandRoutes, rfpPublicRoutes, rfpSignedInRoutes } from './modules/rfp/index.ts';
import { HomePage, ProfilePage, SearchPage, TagPage, ThreadPage } from './modules/social/index.ts';
import { ApiError } from './shared/api/api-error.ts';
import { onCsrfRefresh } from './shared/api/client.ts';
import { NotFoundPage } from './shared/layout/not-found-page.tsx';
import { AppLayout } from './shell/app-layout.tsx';
import { WorkspaceLayout } from './shell/workspace-layout.tsx';

/** Client errors other than a timeout will not fix themselves by asking again. */
const retry = (failures: number, error: unknown) =>
  failures < 2 &&
  !(error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry, refetchOnWindowFocus: true, staleTime: 15_000 },
  },
});

onCsrfRefresh(async () => {
  const me = await fetchMe();
  queryClient.setQueryData(meKey, me);
  return me?.csrfToken ?? null;
});

function Root() {
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/signup', element: <SignupPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/verify-email', element: <VerifyEmailPage /> },
      { path: '/unsubscribe', element: <UnsubscribePage /> },
      {
        // A brand's back office: its tools beside the page, the full width of the screen, no social rail.
        element: <WorkspaceLayout />,
        children: [
          {
            element: <RequireAuth />,
            children: [
              ...careBrandRoutes,
              ...governanceBrandRoutes,
              ...commerceBrandRoutes,
              ...ideasBrandRoutes,
              ...listeningBrandRoutes,
              ...advocatesBrandRoutes,
              ...rfpBrandRoutes,
            ],
          },
        ],
      },
      {
        element: <AppLayout />,
        children: [
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'notifications', element: <NotificationsPage /> },
              { path: 'settings', element: <SettingsPage /> },
              { path: 'invitations', element: <InvitationsPage /> },
              { path: 'orgs/new', element: <OrgNewPage /> },
              { path: 'orgs/:handle/manage', element: <OrgManagePage /> },
              ...commerceSignedInRoutes,
              ...careSignedInRoutes,
              ...advocatesSignedInRoutes,
              ...rfpSignedInRoutes,
            ],
          },
          { path: 'posts/:id', element: <ThreadPage /> },
          ...commercePublicRoutes,
          ...ideasPublicRoutes,
          ...rfpPublicRoutes,
          ...carePublicRoutes,
          ...governancePublicRoutes,
          { path: 'search', element: <SearchPage /> },
          { path: 'tags/:tag', element: <TagPage /> },
          // "/@handle" and "/@handle/mentions": a route segment cannot mix text and a parameter.
          { path: ':atHandle/:tab?', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
