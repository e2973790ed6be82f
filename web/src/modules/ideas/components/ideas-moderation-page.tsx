import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { RelativeTime } from '../../../shared/ui/relative-time.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { type HiddenItems, type HiddenKind, ideasApi } from '../api/ideas.api.ts';

type Item = HiddenItems['ideas'][number] | HiddenItems['comments'][number];

/** One hidden idea or comment: what was written, by whom, the reports' reasons, and the brand's decision. */
function HiddenCard({ kind, item }: { kind: HiddenKind; item: Item }) {
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: ['ideas'] });
  const decide = useMutation({
    mutationFn: (decision: 'restore' | 'keep-hidden' | 'delete') =>
      decision === 'delete' ? ideasApi.deleteComment(item.id) : ideasApi.decide(kind, item.id, decision),
    onSuccess: done,
  });
  const kept = item.keptHiddenAt !== null;
  return (
    <li
      className="hidden-card"
      data-testid="hidden-item"
      data-kind={kind}
      data-state={kept ? 'kept' : 'pending'}
    >
      <div className="hidden-what">
        {'title' in item ? (
          <>
            <Link to={`/ideas/${item.id}`} className="idea-title">
              {item.title}
            </Link>
            <p className="small">{item.description}</p>
          </>
        ) : (
          <>
            <p className="hidden-body">{item.body}</p>
            <p className="muted small">
              On <Link to={`/ideas/${item.ideaId}`}>{item.ideaTitle}</Link>
            </p>
          </>
        )}
        <p className="muted small">
          by {item.author ? `@${item.author.handle}` : 'a closed account'} · hidden{' '}
          <RelativeTime iso={item.hiddenAt} />
        </p>
      </div>
      <div className="hidden-reports">
        <strong data-testid="hidden-reports">
          {item.reports} {item.reports === 1 ? 'report' : 'reports'}
        </strong>
        <ul>
          {item.reasons.map((r) => (
            <li key={`${r.at}-${r.reason}`} data-testid="hidden-reason">
              “{r.reason}”{' '}
              <span className="muted small">
                · <RelativeTime iso={r.at} />
              </span>
            </li>
          ))}
        </ul>
      </div>
      {kept ? (
        <p className="muted small" data-testid="hidden-kept">
          Kept hidden <RelativeTime iso={item.keptHiddenAt!} />
        </p>
      ) : (
        <div className="hidden-actions">
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={decide.isPending}
            onClick={() => decide.mutate('restore')}
            data-testid="hidden-restore"
          >
            Restore
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            disabled={decide.isPending}
            onClick={() => decide.mutate('keep-hidden')}
            data-testid="hidden-keep"
            title={kind === 'idea' ? 'Closes the idea; its votes go back to the voters' : undefined}
          >
            Keep hidden
          </button>
          {kind === 'comment' && (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              disabled={decide.isPending}
              onClick={() => window.confirm('Delete this comment for good?') && decide.mutate('delete')}
              data-testid="hidden-delete"
            >
              Delete
            </button>
          )}
        </div>
      )}
      <ErrorBanner error={decide.error} />
    </li>
  );
}

/** The brand's moderation queue: ideas and comments hidden after reports, awaiting a decision first. */
export function IdeasModerationPage() {
  const { handle = '' } = useParams();
  const hidden = useQuery({ queryKey: ['ideas', handle, 'hidden'], queryFn: () => ideasApi.hidden(handle) });
  const ideas = hidden.data?.ideas ?? [];
  const comments = hidden.data?.comments ?? [];
  return (
    <section className="ideas-workspace" data-testid="ideas-moderation">
      <PageHeader title="Hidden after reports" back>
        <Link to={`/orgs/${handle}/ideas-review`}>Review queue</Link>
      </PageHeader>
      <p className="muted small">
        An idea or comment is hidden once enough different people report it. Restore it, keep it hidden (a
        kept idea closes and its votes go back to the voters), or delete a comment.
      </p>
      {hidden.isPending && <Loading />}
      <ErrorBanner error={hidden.error} />
      <h2>Ideas</h2>
      {hidden.data && ideas.length === 0 && <EmptyState title="No hidden ideas" />}
      <ul className="review-list">
        {ideas.map((i) => (
          <HiddenCard key={i.id} kind="idea" item={i} />
        ))}
      </ul>
      <h2>Comments</h2>
      {hidden.data && comments.length === 0 && <EmptyState title="No hidden comments" />}
      <ul className="review-list">
        {comments.map((c) => (
          <HiddenCard key={c.id} kind="comment" item={c} />
        ))}
      </ul>
    </section>
  );
}
