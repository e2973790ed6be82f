import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { notificationsApi } from '../api/notifications.api.ts';

/**
 * The page a notification mail's "Stop these mails" link opens: no sign-in needed. It asks before it acts, so
 * a mail scanner that follows links does not unsubscribe anyone.
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const stop = useMutation({ mutationFn: () => notificationsApi.unsubscribe(token) });
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <h1>Stop these mails</h1>
        {stop.isSuccess ? (
          <p data-testid="unsubscribed">
            Done: no more mail for “{stop.data.label}”. You still see them in the app; change this any time in
            Settings → Notifications.
          </p>
        ) : (
          <>
            <p className="muted">We will stop mailing you this kind of notification.</p>
            <ErrorBanner error={stop.error} />
            <button
              type="button"
              className="btn btn-primary btn-block"
              data-testid="unsubscribe"
              disabled={!token || stop.isPending}
              onClick={() => stop.mutate()}
            >
              Stop these mails
            </button>
          </>
        )}
        <p className="auth-footer">
          <Link to="/settings">All notification settings</Link>
        </p>
      </div>
    </main>
  );
}
