import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useViewer } from '../../identity/index.ts';
import { ideasApi, STATUS_LABELS } from '../api/ideas.api.ts';

function Comments({ id, canAnswer }: { id: string; canAnswer: boolean }) {
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const [body, setBody] = useState('');
  const [official, setOfficial] = useState(false);
  const comments = useQuery({ queryKey: ['ideas', 'comments', id], queryFn: () => ideasApi.comments(id) });
  const add = useMutation({
    mutationFn: () => ideasApi.comment(id, body, official),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: ['ideas', 'comments', id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section className="idea-comments">
      <h2>Comments</h2>
      <ul>
        {comments.data?.items.map((c) => (
          <li key={c.id} className={c.official ? 'idea-comment official' : 'idea-comment'}>
            <strong>{c.author?.name ?? 'Someone'}</strong>
            {c.official && <span className="idea-official"> Official response</span>}
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      {viewer && (
        <form onSubmit={submit} className="idea-comment-form">
          <textarea
            aria-label="Comment"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={2}
            required
          />
          {canAnswer && (
            <label className="small">
              <input type="checkbox" checked={official} onChange={(e) => setOfficial(e.target.checked)} />{' '}
              Answer as the brand
            </label>
          )}
          <ErrorBanner error={add.error} />
          <button type="submit" className="btn" disabled={add.isPending}>
            Comment
          </button>
        </form>
      )}
    </section>
  );
}

/** An idea: votes and the budget left, follow, status timeline, what it shipped as (with Buy), comments. */
export function IdeaPage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['ideas', 'detail', id], queryFn: () => ideasApi.detail(id) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['ideas'] });
  const vote = useMutation({ mutationFn: (n: number) => ideasApi.vote(id, n), onSuccess: refresh });
  const follow = useMutation({ mutationFn: (on: boolean) => ideasApi.follow(id, on), onSuccess: refresh });
  const report = useMutation({ mutationFn: () => ideasApi.report(id, 'Spam or abuse') });
  if (detail.isPending) return <Loading />;
  if (!detail.data) return <ErrorBanner error={detail.error} />;
  const { idea, budget, timeline, products, following, followers } = detail.data;
  if (idea.mergedIntoId) return <Navigate to={`/ideas/${idea.mergedIntoId}`} replace />;
  const open = idea.status !== 'shipped' && idea.status !== 'declined';
  const member = viewer?.memberships.some((m) => m.org.id === idea.org.id) ?? false;
  return (
    <article className="idea-page" data-testid="idea-page">
      <PageHeader title="Idea" back />
      <header className="idea-head">
        <div className="idea-votes big" data-testid="idea-votes">
          {idea.votes}
        </div>
        <div>
          <h2>{idea.title}</h2>
          <p className="muted small">
            <Link to={`/orgs/${idea.org.handle}/ideas`}>@{idea.org.handle}</Link> ·{' '}
            <span className={`idea-status idea-status-${idea.status}`}>{STATUS_LABELS[idea.status]}</span> ·
            by {idea.author?.name ?? 'someone'} · {followers} following
          </p>
        </div>
      </header>
      <p className="idea-description">{idea.description}</p>
      {idea.declinedReason && <p className="idea-declined">Declined: {idea.declinedReason}</p>}
      {viewer && open && budget && (
        <div className="idea-vote-bar" data-testid="vote-bar">
          <span>
            Your votes: <strong data-testid="your-votes">{idea.yourVotes}</strong> of {budget.votesPerIdea} ·{' '}
            <span data-testid="budget-left">{budget.left}</span> left with this brand
          </span>
          <button
            type="button"
            className="btn btn-primary"
            disabled={vote.isPending || idea.yourVotes >= budget.votesPerIdea || budget.left === 0}
            onClick={() => vote.mutate(idea.yourVotes + 1)}
          >
            Vote
          </button>
          <button
            type="button"
            className="btn"
            disabled={vote.isPending || idea.yourVotes === 0}
            onClick={() => vote.mutate(idea.yourVotes - 1)}
          >
            Take back
          </button>
        </div>
      )}
      <ErrorBanner error={vote.error ?? follow.error ?? report.error} />
      {viewer && (
        <button
          type="button"
          className="btn"
          onClick={() => follow.mutate(!following)}
          disabled={follow.isPending}
        >
          {following ? 'Following' : 'Follow'}
        </button>
      )}
      {viewer && viewer.account.id !== idea.author?.id && (
        <button
          type="button"
          className="btn btn-link small"
          onClick={() => report.mutate()}
          disabled={report.isPending || report.isSuccess}
        >
          {report.isSuccess ? 'Reported, thank you' : 'Report'}
        </button>
      )}
      {products.length > 0 && (
        <section className="idea-shipped" data-testid="idea-products">
          <h2>Shipped as</h2>
          <ul>
            {products.map((p) => (
              <li key={p.id}>
                <span>{p.title}</span> <span className="muted">{formatMoney(p.priceMinor, p.currency)}</span>{' '}
                <Link className="btn btn-primary" to={`/products/${p.id}`}>
                  Buy
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="idea-timeline">
        <h2>Timeline</h2>
        <ol>
          {timeline.map((e) => (
            <li key={`${e.kind}-${e.at}-${e.note ?? ''}`}>
              <span className="muted small">{formatDate(e.at)}</span>{' '}
              {e.kind === 'posted'
                ? 'Posted'
                : e.kind === 'merged_in'
                  ? `Merged in: ${e.note ?? ''}`
                  : e.kind === 'owner'
                    ? `Owner: ${e.note ?? 'none'}`
                    : `${STATUS_LABELS[(e.status ?? 'new') as keyof typeof STATUS_LABELS] ?? e.status}${e.note ? ` — ${e.note}` : ''}`}
            </li>
          ))}
        </ol>
      </section>
      <Comments id={idea.id} canAnswer={member} />
    </article>
  );
}
