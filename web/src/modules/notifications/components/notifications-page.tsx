import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading, LoadMore } from '../../../shared/ui/status.tsx';
import type { Me } from '../../identity/index.ts';
import { useViewer } from '../../identity/index.ts';
import { useMarkRead, useNotifications, useUnreadCount } from '../hooks/use-notifications.ts';
import { NotificationItem } from './notification-item.tsx';

function AccountSwitch({ me, as, onChange }: { me: Me; as: string; onChange: (as: string) => void }) {
  const unread = useUnreadCount(true).data?.byAccount ?? [];
  const countOf = (id: string) => unread.find((b) => b.account.id === id)?.unread ?? 0;
  const options = [
    { handle: '', id: me.account.id, label: 'You' },
    ...me.memberships.map((m) => ({ handle: m.org.handle, id: m.org.id, label: m.org.name })),
  ];
  return (
    <label className="select-pill">
      <span className="visually-hidden">Show notifications for</span>
      <select data-testid="notifications-as" value={as} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.handle}>
            {o.label}
            {countOf(o.id) > 0 ? ` (${countOf(o.id)})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Your notifications, or one organization's (`?as=handle`); opening them marks them read. */
export function NotificationsPage() {
  const me = useViewer();
  const [params, setParams] = useSearchParams();
  const as = params.get('as') ?? '';
  const list = useNotifications(as || undefined);
  const markRead = useMarkRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const newestUnread = items.find((n) => !n.read)?.id;

  // Mark read once the list shows, and again whenever a new unread one arrives while the page is open.
  const { mutate } = markRead;
  useEffect(() => {
    if (newestUnread) mutate(as || undefined);
  }, [newestUnread, as, mutate]);

  return (
    <>
      <PageHeader title="Notifications">
        {me && me.memberships.length > 0 && (
          <AccountSwitch me={me} as={as} onChange={(next) => setParams(next ? { as: next } : {})} />
        )}
      </PageHeader>
      {list.isPending && <Loading />}
      {list.error && !list.data && <ErrorBanner error={list.error} />}
      {list.data && items.length === 0 && (
        <EmptyState title="Nothing here yet">
          When someone mentions, replies to, reshares, likes or follows {as ? `@${as}` : 'you'}, it shows up
          here.
        </EmptyState>
      )}
      <div className="notifications">
        {items.map((n) => (
          <NotificationItem key={n.id} notification={n} forOrg={Boolean(as)} />
        ))}
      </div>
      <LoadMore query={list} />
    </>
  );
}
