import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { ReportGrouping, ReportRow, Stat } from '../api/sla.types.ts';
import { useInboxAccess } from '../hooks/use-inbox-access.ts';
import { useCareReport } from '../hooks/use-sla.ts';
import { BreachesByQueueChart, WeeklyFirstResponseChart } from './sla-charts.tsx';
import { formatDuration } from './sla-timer.tsx';

const GROUPINGS: { value: ReportGrouping; label: string }[] = [
  { value: 'queue', label: 'Queue' },
  { value: 'agent', label: 'Agent' },
  { value: 'week', label: 'Week' },
];
const WINDOWS = [7, 28, 90];

const minutes = (v: number | null) => (v === null ? '—' : formatDuration(v * 60_000));
const stat = (s: Stat) => `${minutes(s.median)} / ${minutes(s.p90)}`;

function ReportTable({ rows, by }: { rows: ReportRow[]; by: ReportGrouping }) {
  const label = GROUPINGS.find((g) => g.value === by)?.label ?? '';
  return (
    <div className="sla-table-scroll">
      <table className="sla-report-table" data-testid="sla-report-table">
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col">Conversations</th>
            <th scope="col">First response, business (median / p90)</th>
            <th scope="col">First response, wall-clock</th>
            <th scope="col">Resolution, business</th>
            <th scope="col">Resolution, wall-clock</th>
            <th scope="col">Breaches</th>
            <th scope="col">CSAT</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.groupId ?? 'none'} data-testid="sla-report-row">
              <th scope="row">{r.group ?? (by === 'agent' ? 'Unassigned' : 'No queue')}</th>
              <td>{r.conversations}</td>
              <td>{stat(r.firstResponseBusinessMinutes)}</td>
              <td data-testid="sla-report-first-response">{stat(r.firstResponseMinutes)}</td>
              <td>{stat(r.resolutionBusinessMinutes)}</td>
              <td>{stat(r.resolutionMinutes)}</td>
              <td className={r.breaches > 0 ? 'sla-breached' : undefined} data-testid="sla-report-breaches">
                {r.breaches}
              </td>
              <td data-testid="sla-report-csat">{r.csat ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** First-response and resolution times, breaches and CSAT, with weekly and per-queue charts. */
export function SlaReportPage() {
  const { handle = '' } = useParams();
  const { membership, canWork } = useInboxAccess(handle);
  const [by, setBy] = useState<ReportGrouping>('queue');
  const [days, setDays] = useState(28);
  const table = useCareReport(handle, by, days);
  const weekly = useCareReport(handle, 'week', days);
  const queues = useCareReport(handle, 'queue', days);
  if (!membership || !canWork) {
    return (
      <>
        <PageHeader title="Inbox report" back />
        <EmptyState title={`You do not work the inbox of @${handle}`} />
      </>
    );
  }
  const brand = membership.org.handle;
  return (
    <div className="sla-page" data-testid="sla-report-page">
      <PageHeader title={`${membership.org.name} · Inbox report`}>
        <Link to={`/orgs/${brand}/inbox`} className="btn btn-secondary btn-sm">
          Back to inbox
        </Link>
      </PageHeader>
      <div className="sla-report-controls">
        <label>
          <span className="muted small">Last</span>{' '}
          <select className="input" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
        {table.data && (
          <span className="muted small">
            Business minutes count only the brand’s business hours ({table.data.timezone}); wall-clock counts
            every minute.
          </span>
        )}
      </div>
      <section className="panel">
        <h2>First response per week</h2>
        {weekly.data ? <WeeklyFirstResponseChart rows={weekly.data.items} /> : <Loading />}
      </section>
      <section className="panel">
        <h2>Breaches per queue</h2>
        {queues.data ? <BreachesByQueueChart rows={queues.data.items} /> : <Loading />}
      </section>
      <section className="panel">
        <div className="sla-report-tabs" role="tablist">
          {GROUPINGS.map((g) => (
            <button
              key={g.value}
              type="button"
              role="tab"
              aria-selected={by === g.value}
              className={by === g.value ? 'btn btn-primary btn-xs' : 'btn btn-secondary btn-xs'}
              onClick={() => setBy(g.value)}
            >
              By {g.label.toLowerCase()}
            </button>
          ))}
        </div>
        {table.isPending ? (
          <Loading />
        ) : table.error ? (
          <ErrorBanner error={table.error} />
        ) : table.data.items.length === 0 ? (
          <EmptyState title={`No conversations in the last ${days} days`} />
        ) : (
          <ReportTable rows={table.data.items} by={by} />
        )}
      </section>
    </div>
  );
}
