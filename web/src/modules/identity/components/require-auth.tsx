import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../../../shared/ui/status.tsx';
import { useMe } from '../hooks/use-me.ts';

/** Renders the nested route for signed-in users; sends everyone else to sign in and back. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
