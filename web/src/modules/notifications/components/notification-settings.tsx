import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { notificationsApi } from '../api/notifications.api.ts';
import type { NotificationPreference } from '../api/notifications.types.ts';

const preferencesKey = ['notification-preferences'] as const;

/** Settings → Notifications: per kind, a switch for the app and one for mail. */
export function NotificationSettings() {
  const queryClient = useQueryClient();
  const preferences = useQuery({ queryKey: preferencesKey, queryFn: notificationsApi.preferences });
  const save = useMutation({
    mutationFn: (p: NotificationPreference) =>
      notificationsApi.setPreference(p.kind, { inApp: p.inApp, email: p.email }),
    onMutate: (p) => {
      queryClient.setQueryData(preferencesKey, (old: typeof preferences.data) =>
        old ? { ...old, items: old.items.map((i) => (i.kind === p.kind ? p : i)) } : old,
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: preferencesKey }),
  });
  if (preferences.error) return <ErrorBanner error={preferences.error} />;
  if (!preferences.data) return <p className="muted small">Loading…</p>;
  const groups = [...new Set(preferences.data.items.map((i) => i.group))];
  return (
    <div className="stack" data-testid="notification-settings">
      {!preferences.data.emailConfirmed && (
        <p className="small">
          Mail goes only to a confirmed address: confirm yours (Security, below) to get these by mail.
        </p>
      )}
      <ErrorBanner error={save.error} />
      {groups.map((group) => (
        <table key={group} className="notif-prefs">
          <caption>{group}</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">In the app</th>
              <th scope="col">By mail</th>
            </tr>
          </thead>
          <tbody>
            {preferences.data.items
              .filter((i) => i.group === group)
              .map((item) => (
                <tr key={item.kind} data-testid={`pref-${item.kind}`}>
                  <th scope="row">
                    {item.label}
                    {item.locked && <span className="muted small"> · always sent</span>}
                  </th>
                  <td>
                    {!item.locked && (
                      <input
                        type="checkbox"
                        aria-label={`${item.label} in the app`}
                        data-testid={`pref-${item.kind}-app`}
                        checked={item.inApp}
                        onChange={(e) => save.mutate({ ...item, inApp: e.target.checked })}
                      />
                    )}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${item.label} by mail`}
                      data-testid={`pref-${item.kind}-email`}
                      checked={item.email}
                      disabled={item.locked}
                      onChange={(e) => save.mutate({ ...item, email: e.target.checked })}
                    />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
