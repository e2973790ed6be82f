import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../../shared/format/date.ts';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { Source, SourceInput } from '../api/sources.api.ts';
import { useSourceActions, useSources } from '../hooks/use-sources.ts';

function lastPollOf(s: Source): string {
  const p = s.lastPoll;
  if (!p) return s.enabled ? 'Not polled yet' : 'Paused, never polled';
  const when = formatDateTime(p.at);
  if (p.outcome === 'ok')
    return `Polled ${when}: ${p.stored} new${p.skipped ? `, ${p.skipped} passed over (boosts, empty)` : ''}`;
  if (p.outcome === 'rate_limited') return `Polled ${when}: the instance asked us to wait (${p.stored} new)`;
  return `Polled ${when}: failed, ${p.error ?? 'unknown error'}`;
}

function SourceItem({ handle, source }: { handle: string; source: Source }) {
  const actions = useSourceActions(handle);
  const s = source;
  const failed = s.lastPoll?.outcome === 'error';
  return (
    <li className="listening-source" data-testid="source-item">
      <div className="listening-source-name">
        <strong>{s.kind === 'hashtag' ? `#${s.target}` : `@${s.target}`}</strong>{' '}
        <span className="muted small truncate">on {s.instanceUrl.replace(/^https?:\/\//, '')}</span>
      </div>
      <p className={`small${failed ? ' listening-source-error' : ' muted'}`} data-testid="source-last-poll">
        {lastPollOf(s)}
      </p>
      <p className="small muted">
        {s.totalStored} mentions so far ·{' '}
        {s.enabled && s.nextPollAt ? `next poll ${formatDateTime(s.nextPollAt)}` : 'polling paused'}
      </p>
      <div className="listening-source-actions">
        <button
          type="button"
          className="btn btn-sm"
          disabled={actions.poll.isPending}
          onClick={() => actions.poll.mutate(s.id)}
        >
          {actions.poll.isPending ? 'Polling…' : 'Poll now'}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => actions.setEnabled.mutate({ id: s.id, enabled: !s.enabled })}
        >
          {s.enabled ? 'Pause' : 'Resume'}
        </button>
        <button type="button" className="btn btn-sm" onClick={() => actions.remove.mutate(s.id)}>
          Stop following
        </button>
      </div>
    </li>
  );
}

/** The Mastodon hashtags and accounts the brand follows, with each one's last poll, and a form to add one. */
export function SourcesPanel({ handle }: { handle: string }) {
  const sources = useSources(handle);
  const { add } = useSourceActions(handle);
  const [instanceUrl, setInstanceUrl] = useState('');
  const [kind, setKind] = useState<SourceInput['kind']>('hashtag');
  const [target, setTarget] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ instanceUrl, kind, target }, { onSuccess: () => setTarget('') });
  };
  return (
    <section className="listening-form" data-testid="sources-panel">
      <h2>Follow on Mastodon</h2>
      <p className="small muted">
        Hashtags and accounts polled every few minutes through the instance’s public API; each post is stored
        once.
      </p>
      {sources.isPending ? (
        <Loading />
      ) : sources.error ? (
        <ErrorBanner error={sources.error} />
      ) : (
        sources.data.items.length > 0 && (
          <ul className="listening-sources">
            {sources.data.items.map((s) => (
              <SourceItem key={s.id} handle={handle} source={s} />
            ))}
          </ul>
        )
      )}
      <form onSubmit={submit} className="listening-form">
        <label>
          Instance
          <input
            value={instanceUrl}
            onChange={(e) => setInstanceUrl(e.target.value)}
            placeholder="https://mastodon.social"
            required
            data-testid="source-instance"
          />
        </label>
        <label>
          Follow
          <select value={kind} onChange={(e) => setKind(e.target.value as SourceInput['kind'])}>
            <option value="hashtag">a hashtag</option>
            <option value="account">an account</option>
          </select>
        </label>
        <label>
          {kind === 'hashtag' ? 'Hashtag' : 'Account'}
          <input
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder={kind === 'hashtag' ? '#yourbrand' : '@name or name@instance'}
            required
            data-testid="source-target"
          />
        </label>
        <ErrorBanner error={add.error} fields={['instanceUrl', 'target']} />
        <button type="submit" className="btn" disabled={add.isPending}>
          Follow
        </button>
      </form>
    </section>
  );
}
