import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { type Idea, type IdeaStatus, ideasApi, STATUS_LABELS } from '../api/ideas.api.ts';

const MOVES: Exclude<IdeaStatus, 'shipped'>[] = ['new', 'under_review', 'planned', 'in_progress', 'declined'];
const SCALE = [1, 2, 3, 4, 5];

/** One idea of the review queue: move it, score it, merge it into another, or ship it as products. */
function ReviewRow({ idea, others, handle }: { idea: Idea; others: Idea[]; handle: string }) {
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: ['ideas'] });
  const [impact, setImpact] = useState(3);
  const [effort, setEffort] = useState(3);
  const [into, setInto] = useState('');
  const [shipping, setShipping] = useState<string[]>([]);
  const products = useQuery({
    queryKey: ['ideas', handle, 'products'],
    queryFn: () => ideasApi.products(handle),
  });
  const status = useMutation({
    mutationFn: (next: Exclude<IdeaStatus, 'shipped'>) =>
      ideasApi.setStatus(
        idea.id,
        next,
        next === 'declined' ? (window.prompt('Why is it declined?') ?? undefined) : undefined,
      ),
    onSuccess: done,
  });
  const score = useMutation({ mutationFn: () => ideasApi.score(idea.id, impact, effort), onSuccess: done });
  const merge = useMutation({ mutationFn: () => ideasApi.merge(idea.id, into), onSuccess: done });
  const ship = useMutation({ mutationFn: () => ideasApi.ship(idea.id, shipping), onSuccess: done });
  return (
    <li className="review-row" data-testid="review-row" data-title={idea.title}>
      <div className="review-head">
        <span className="idea-votes">{idea.votes}</span>
        <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
        <select
          aria-label="Status"
          value={idea.status}
          onChange={(e) => status.mutate(e.target.value as Exclude<IdeaStatus, 'shipped'>)}
        >
          {MOVES.map((m) => (
            <option key={m} value={m}>
              {STATUS_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      <div className="review-tools">
        <span>
          Impact{' '}
          <select aria-label="Impact" value={impact} onChange={(e) => setImpact(Number(e.target.value))}>
            {SCALE.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>{' '}
          Effort{' '}
          <select aria-label="Effort" value={effort} onChange={(e) => setEffort(Number(e.target.value))}>
            {SCALE.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>{' '}
          <button type="button" className="btn" onClick={() => score.mutate()}>
            Score
          </button>
        </span>
        <span>
          <select aria-label="Merge into" value={into} onChange={(e) => setInto(e.target.value)}>
            <option value="">Duplicate of…</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>{' '}
          <button type="button" className="btn" disabled={!into} onClick={() => merge.mutate()}>
            Merge
          </button>
        </span>
        <span>
          <select
            aria-label="Ship as"
            multiple
            value={shipping}
            onChange={(e) => setShipping([...e.target.selectedOptions].map((o) => o.value))}
          >
            {products.data?.items
              .filter((p) => !p.archived)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
          </select>{' '}
          <button
            type="button"
            className="btn btn-primary"
            disabled={shipping.length === 0}
            onClick={() => ship.mutate()}
          >
            Ship
          </button>
        </span>
      </div>
      <ErrorBanner error={status.error ?? score.error ?? merge.error ?? ship.error} />
    </li>
  );
}

/** The brand's ideas tool: the review queue, the scorecard ranking and shipped ideas by return. */
export function IdeasWorkspacePage() {
  const { handle = '' } = useParams();
  const queue = useQuery({
    queryKey: ['ideas', handle, 'queue'],
    queryFn: () => ideasApi.list(handle, { sort: 'top' }),
  });
  const ranking = useQuery({
    queryKey: ['ideas', handle, 'ranking'],
    queryFn: () => ideasApi.ranking(handle),
  });
  const returns = useQuery({
    queryKey: ['ideas', handle, 'returns'],
    queryFn: () => ideasApi.returns(handle),
  });
  const hidden = useQuery({ queryKey: ['ideas', handle, 'hidden'], queryFn: () => ideasApi.hidden(handle) });
  const awaiting = [...(hidden.data?.ideas ?? []), ...(hidden.data?.comments ?? [])].filter(
    (i) => i.keptHiddenAt === null,
  ).length;
  const open = (queue.data?.items ?? []).filter((i) => i.status !== 'shipped' && i.status !== 'declined');
  return (
    <section className="ideas-workspace">
      <PageHeader title="Ideas">
        <Link to={`/orgs/${handle}/ideas`}>Open the portal</Link>
        <Link to={`/orgs/${handle}/ideas-hidden`} data-testid="ideas-hidden-link">
          Hidden after reports{awaiting > 0 ? ` (${awaiting})` : ''}
        </Link>
      </PageHeader>
      <h2>Review queue</h2>
      {queue.isPending && <Loading />}
      <ErrorBanner error={queue.error} />
      {open.length === 0 && !queue.isPending && <EmptyState title="No open ideas" />}
      <ul className="review-list">
        {open.map((idea) => (
          <ReviewRow
            key={idea.id}
            idea={idea}
            handle={handle}
            others={open.filter((o) => o.id !== idea.id)}
          />
        ))}
      </ul>
      <h2>Ranking by scorecards</h2>
      <table className="ideas-table">
        <thead>
          <tr>
            <th>Idea</th>
            <th>Impact</th>
            <th>Effort</th>
            <th>Scorecards</th>
          </tr>
        </thead>
        <tbody>
          {ranking.data?.items.map((r) => (
            <tr key={r.id}>
              <td>{r.title}</td>
              <td>{r.impact}</td>
              <td>{r.effort}</td>
              <td>{r.scorecards}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Returns of shipped ideas</h2>
      <table className="ideas-table" data-testid="ideas-returns">
        <thead>
          <tr>
            <th>Idea</th>
            <th>Votes</th>
            <th>Orders</th>
            <th>Buyers</th>
            <th>Revenue</th>
          </tr>
        </thead>
        <tbody>
          {returns.data?.items.map((r) => (
            <tr key={`${r.id}-${r.currency ?? ''}`}>
              <td>
                <Link to={`/ideas/${r.id}`}>{r.title}</Link>
              </td>
              <td>{r.votes}</td>
              <td>{r.orders}</td>
              <td>{r.buyers}</td>
              <td>{r.currency ? formatMoney(r.revenueMinor, r.currency) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
