import { type FormEvent, useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format/date.ts';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useAlertDeliveries, useAlertSettings, useSaveAlerts } from '../hooks/use-listening.ts';

/** Where the brand's spike alerts go (in the app, mail, a signed webhook), and how the last ones went. */
export function AlertsPanel({ handle }: { handle: string }) {
  const settings = useAlertSettings(handle);
  const deliveries = useAlertDeliveries(handle);
  const save = useSaveAlerts(handle);
  const [inApp, setInApp] = useState(true);
  const [emails, setEmails] = useState('');
  const [webhook, setWebhook] = useState('');
  useEffect(() => {
    if (!settings.data) return;
    setInApp(settings.data.inApp);
    setEmails(settings.data.emailTo.join(', '));
    setWebhook(settings.data.webhookUrl ?? '');
  }, [settings.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      inApp,
      emailTo: emails
        .split(/[,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      webhookUrl: webhook.trim() || null,
    });
  };
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorBanner error={settings.error} />;
  return (
    <section className="listening-form" data-testid="alerts-panel">
      <h2>Spike alerts</h2>
      <form onSubmit={submit}>
        <label className="checkbox">
          <input type="checkbox" checked={inApp} onChange={(e) => setInApp(e.target.checked)} /> Notify the
          listening team in Souk
        </label>
        <label>
          Mail to (addresses, comma separated)
          <input
            value={emails}
            onChange={(e) => setEmails(e.target.value)}
            placeholder="social@brand.example"
          />
        </label>
        <label>
          Webhook URL
          <input value={webhook} onChange={(e) => setWebhook(e.target.value)} placeholder="https://…" />
        </label>
        {settings.data.webhookSecret && (
          <p className="small muted">
            Signing key: <code>{settings.data.webhookSecret}</code> (header <code>x-souk-signature</code>:{' '}
            <code>t=…,v1=</code> HMAC-SHA256 of <code>t.body</code>)
          </p>
        )}
        {save.error && <ErrorBanner error={save.error} />}
        <button type="submit" className="btn" disabled={save.isPending}>
          Save alerts
        </button>
      </form>
      {deliveries.data && deliveries.data.items.length > 0 && (
        <ul className="small listening-deliveries">
          {deliveries.data.items.slice(0, 6).map((d) => (
            <li key={d.id}>
              {d.channel.replace('_', '-')}: {d.status}
              {d.lastError ? ` (${d.lastError}, ${d.attempts} tries)` : ''} · {formatDateTime(d.createdAt)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
