import { useState } from 'react';
import { formatDateTime } from '../../../shared/format/date.ts';
import { EmptyState, ErrorBanner, Loading, LoadMore } from '../../../shared/ui/status.tsx';
import { type AuditFilter, type Channel, governanceApi } from '../api/governance.api.ts';
import { usePolicyAudit } from '../hooks/use-policy.ts';
import { CHANNEL_LABELS } from './channel-labels.ts';

/** Every blocked draft and overridden warning, newest first, filtered by what happened and where; CSV export. */
export function AuditPanel({ handle }: { handle: string }) {
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = usePolicyAudit(handle, filter);
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="panel" aria-labelledby="policy-audit" data-testid="policy-audit">
      <h2 id="policy-audit">Audit log</h2>
      <div className="policy-audit-filters">
        <label className="field">
          <span>What</span>
          <select
            value={filter.action ?? ''}
            onChange={(e) =>
              setFilter((f) => ({ ...f, action: (e.target.value || undefined) as AuditFilter['action'] }))
            }
            data-testid="audit-action"
          >
            <option value="">Blocks and overrides</option>
            <option value="blocked">Blocked</option>
            <option value="overridden">Overridden</option>
          </select>
        </label>
        <label className="field">
          <span>Where</span>
          <select
            value={filter.channel ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, channel: (e.target.value || undefined) as Channel }))}
          >
            <option value="">Everywhere</option>
            {(Object.keys(CHANNEL_LABELS) as Channel[]).map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <a
          className="btn btn-secondary btn-sm"
          href={governanceApi.auditCsvUrl(handle, filter)}
          download
          data-testid="audit-csv"
        >
          Export CSV
        </a>
      </div>
      {audit.isPending ? (
        <Loading />
      ) : audit.error ? (
        <ErrorBanner error={audit.error} />
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet" />
      ) : (
        <ul className="policy-audit">
          {entries.map((e) => (
            <li key={e.id} data-testid="audit-entry" data-action={e.action}>
              <div className="small muted">
                {formatDateTime(e.createdAt)} · {CHANNEL_LABELS[e.channel as Channel] ?? e.channel} · rules{' '}
                {e.ruleIds.join(', ')}
              </div>
              <strong>{e.action === 'blocked' ? 'Blocked' : 'Overridden'}</strong>
              {e.reason && <span> · reason: “{e.reason}”</span>}
              <p className="muted">{e.text}</p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={audit} />
    </section>
  );
}
