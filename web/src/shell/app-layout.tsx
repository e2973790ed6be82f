import { Outlet } from 'react-router';
import { useMe } from '../modules/identity/index.ts';
import { useLiveStream } from '../modules/notifications/index.ts';
import { Loading } from '../shared/ui/status.tsx';
import { RightRail } from './right-rail.tsx';
import { SideNav } from './side-nav.tsx';
import { SocialPhoneBar } from './social-phone-bar.tsx';

/** Three columns on wide screens (navigation, content, sidebar), one over a bottom bar on phones. */
export function AppLayout() {
  const me = useMe();
  const viewer = me.data ?? null;
  useLiveStream(viewer !== null);
  return (
    <div className="app-shell">
      <SideNav me={viewer} />
      <main className="main-column" id="main">
        {me.isPending ? <Loading /> : <Outlet />}
      </main>
      <RightRail me={viewer} />
      {viewer && <SocialPhoneBar me={viewer} />}
    </div>
  );
}
