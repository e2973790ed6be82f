import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format/date.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading, LoadMore } from '../../../shared/ui/status.tsx';
import { type AdvocateRun, advocatesApi } from '../api/advocates.api.ts';
import { useAdvocateSegments } from '../hooks/use-advocate-segments.ts';
import { AdvocatesTable, FACTOR_HELP } from './advocates-table.tsx';
import { AdvocatesTabs } from './advocates-tabs.tsx';
import { SegmentBar } from './segment-bar.tsx';

const OPEN: AdvocateRun['status'][] = ['queued', 'running'];

function RunStatus({ run }: { run: AdvocateRun | null }) {
  if (!run) return <span data-testid="advocates-last-run">Never computed</span>;
  const when = run.finishedAt ?? run.startedAt ?? run.requestedAt;
  const label = {
    queued: 'Recompute queued',
    running: 'Recomputing…',
    done: `Last computed ${formatDateTime(when)} · ${run.people ?? 0} people in ${run.communities ?? 0} communities`,
    failed: `Last run failed ${formatDateTime(when)}`,
  }[run.status];
  return (
    <span data-testid="advocates-last-run" data-status={run.status} data-run={run.id}>
      {label}
    </span>
  );
}

/** A brand's advocates ranked by reach × value × referral conversion, each factor shown and explained. */
export function AdvocatesPage() {
  const { handle = '' } = useParams();
  const queryClient = useQueryClient();
  const [community, setCommunity] = useState<number | undefined>();
  const [segmentId, setSegmentId] = useState<string | undefined>();
  const [bridges, setBridges] = useState(false);
  const query = { community, segmentId, ...(bridges ? { bridges: true } : {}) };
  const list = useInfiniteQuery({
    queryKey: ['advocates', handle, 'list', query],
    queryFn: ({ pageParam }) => advocatesApi.list(handle, { ...query, limit: 25, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While a run is queued or running, look again until it is done.
    refetchInterval: (q) => (OPEN.includes(q.state.data?.pages[0]?.lastRun?.status ?? 'done') ? 3000 : false),
  });
  const segments = useAdvocateSegments(handle);
  const recompute = useMutation({
    mutationFn: () => advocatesApi.recompute(handle),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['advocates', handle, 'list'] }),
  });
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const running = OPEN.includes(first?.lastRun?.status ?? 'done');
  return (
    <div className="advocates-page">
      <PageHeader title="Advocates">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => recompute.mutate()}
          disabled={recompute.isPending || running}
          data-testid="advocates-recompute"
        >
          Recompute
        </button>
      </PageHeader>
      <AdvocatesTabs handle={handle} />
      <p className="muted small advocates-run">
        <RunStatus run={first?.lastRun ?? null} /> · recomputed daily in the background
      </p>
      {recompute.error && <ErrorBanner error={recompute.error} />}
      <details className="advocates-help">
        <summary>How the score is made: reach × value × referral conversion</summary>
        <dl>
          <dt>Reach</dt>
          <dd>{FACTOR_HELP.reach}</dd>
          <dt>Value</dt>
          <dd>{FACTOR_HELP.value}</dd>
          <dt>Referral conversion</dt>
          <dd>{FACTOR_HELP.conversion}</dd>
          <dt>Bridge</dt>
          <dd>
            Someone whose follows span several communities: the person to ask for an introduction from one
            community to another.
          </dd>
        </dl>
      </details>
      <div className="advocates-filters">
        <label>
          Community
          <select
            aria-label="Community"
            value={community ?? ''}
            onChange={(e) => setCommunity(e.target.value === '' ? undefined : Number(e.target.value))}
          >
            <option value="">All communities</option>
            {first?.communities.map((c) => (
              <option key={c.community} value={c.community}>
                {c.community < 0 ? 'Outside the graph' : `#${c.community}`} ({c.people})
              </option>
            ))}
          </select>
        </label>
        <label>
          Segment
          <select
            aria-label="Segment"
            value={segmentId ?? ''}
            onChange={(e) => setSegmentId(e.target.value || undefined)}
          >
            <option value="">Everyone</option>
            {segments.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="advocates-check">
          <input type="checkbox" checked={bridges} onChange={(e) => setBridges(e.target.checked)} />
          Bridges only (whom to introduce)
        </label>
      </div>
      <SegmentBar
        handle={handle}
        community={community}
        segments={segments.data?.items ?? []}
        onSaved={(s) => setSegmentId(s.id)}
      />
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorBanner error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState title="No advocates yet">
          {first?.lastRun
            ? 'Nobody matches this filter.'
            : 'Press Recompute to rank followers and customers.'}
        </EmptyState>
      ) : (
        <>
          <AdvocatesTable items={items} />
          <LoadMore query={list} />
        </>
      )}
    </div>
  );
}
