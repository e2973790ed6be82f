import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Outlet, ScrollRestoration } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { careSignedInRoutes } from './modules/care/care.routes.tsx';
import { commercePublicRoutes, commerceSignedInRoutes } from './modules/commerce/commerce.routes.tsx';
import { InvitationsPage } from './modules/identity/components/invitations-page.tsx';
import { LoginPage } from './modules/identity/components/login-page.tsx';
import { OrgManagePage } from './modules/identity/components/org-manage-page.tsx';
import { OrgNewPage } from './modules/identity/components/org-new-page.tsx';
import { RequireAuth } from './modules/identity/components/require-auth.tsx';
import { SettingsPage } from './modules/identity/components/settings-page.tsx';
import { SignupPage } from './modules/identity/components/signup-page.tsx';
import { fetchMe, meKey } from './modules/identity/hooks/use-me.ts';
import { NotificationsPage } from './modules/notifications/components/notifications-page.tsx';
import { HomePage } from './modules/social/components/home-page.tsx';
import { ProfilePage } from './modules/social/components/profile-page.tsx';
import { SearchPage } from './modules/social/components/search-page.tsx';
import { TagPage } from './modules/social/components/tag-page.tsx';
import { ThreadPage } from './modules/social/components/thread-page.tsx';
import { ApiError } from './shared/api/api-error.ts';
import { onCsrfRefresh } from './shared/api/client.ts';
import { AppLayout } from './shared/layout/app-layout.tsx';
import { NotFoundPage } from './shared/layout/not-found-page.tsx';

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
            ],
          },
          { path: 'posts/:id', element: <ThreadPage /> },
          ...commercePublicRoutes,
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
