import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { formatFull } from '../../../shared/ui/relative-time.tsx';
import { EmptyState, Loading, PageError } from '../../../shared/ui/status.tsx';
import { rfpApi, rfpKeys, STATE_LABELS } from '../api/rfp.api.ts';

function Report({ handle }: { handle: string }) {
  const report = useQuery({ queryKey: rfpKeys.report(handle), queryFn: () => rfpApi.report(handle) });
  if (!report.data) return null;
  const r = report.data;
  const hours =
    r.meanSecondsToFirstPitch === null ? '–' : `${(r.meanSecondsToFirstPitch / 3600).toFixed(1)} h`;
  return (
    <section className="rfp-report" data-testid="rfp-report">
      <dl>
        <div>
          <dt>Requests received</dt>
          <dd>{r.received}</dd>
        </div>
        <div>
          <dt>Pitches</dt>
          <dd>{r.pitches}</dd>
        </div>
        <div>
          <dt>Time to first pitch</dt>
          <dd>{hours}</dd>
        </div>
        <div>
          <dt>Win rate</dt>
          <dd>{r.winRate === null ? '–' : `${Math.round(r.winRate * 100)}%`}</dd>
        </div>
        <div>
          <dt>Revenue from awards</dt>
          <dd data-testid="rfp-revenue">
            {r.revenue.length ? r.revenue.map((x) => formatMoney(x.totalMinor, x.currency)).join(', ') : '–'}
          </dd>
        </div>
      </dl>
      {r.rivals.length > 0 && (
        <p className="rfp-meta">
          Rivals:{' '}
          {r.rivals
            .map((x) => `@${x.brand?.handle ?? '?'} (won ${x.wonAgainst}, lost ${x.lostTo})`)
            .join(' · ')}
        </p>
      )}
    </section>
  );
}

/** The brand's Sales queue: requests for proposals addressed to it, and its RFP report. */
export function RfpQueuePage() {
  const { handle = '' } = useParams();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const queue = useQuery({
    queryKey: rfpKeys.queue(handle, status),
    queryFn: () => rfpApi.queue(handle, status),
  });
  return (
    <div className="rfp-page">
      <PageHeader title="Sales queue">
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as 'open' | 'all')}
          aria-label="Show"
        >
          <option value="open">Open requests</option>
          <option value="all">All requests</option>
        </select>
      </PageHeader>
      <Report handle={handle} />
      {queue.isPending && <Loading />}
      {queue.error && <PageError error={queue.error} notFoundTitle="No such brand" />}
      {queue.data?.items.length === 0 && <EmptyState title="No requests for proposals yet" />}
      <ul className="rfp-queue" data-testid="rfp-queue">
        {queue.data?.items.map(({ request, myPitchStatus }) => (
          <li key={request.id}>
            <Link to={`/rfps/${request.id}`} className="rfp-queue-item">
              <strong>{request.title}</strong>
              <span className="rfp-meta">
                @{request.author?.handle} · {formatMoney(request.budgetMinor, request.currency)} · by{' '}
                {formatFull(request.deadline)} · {request.pitchCount} pitch
                {request.pitchCount === 1 ? '' : 'es'} ·{' '}
                {myPitchStatus ? `your pitch: ${myPitchStatus}` : STATE_LABELS[request.state]}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
