import { useState } from 'react';
import { formatDateTime } from '../../../shared/format/date.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { Draft } from '../api/governance.api.ts';
import { usePublishNow, useReviewDraft, useReviseDraft } from '../hooks/use-approvals.ts';

const STATUS_LABEL: Record<Draft['status'], string> = {
  pending: 'Waiting for approval',
  changes_requested: 'Changes requested',
  rejected: 'Rejected',
  scheduled: 'Scheduled',
  published: 'Published',
  refused: 'Refused at publishing',
};
const KIND_LABEL: Record<Draft['kind'], string> = {
  brand_post: 'Post',
  deal: 'Deal',
  care_reply: 'Public care reply',
};
const DECISION_LABEL = { approve: 'approved', reject: 'rejected', request_changes: 'asked for changes' };

/** One draft in the queue: its words, time and reviews, and what the viewer may do with it. */
export function DraftCard({
  handle,
  draft,
  viewerId,
  canReview,
}: {
  handle: string;
  draft: Draft;
  viewerId: string;
  canReview: boolean;
}) {
  const review = useReviewDraft(handle);
  const revise = useReviseDraft(handle);
  const publish = usePublishNow(handle);
  const [comment, setComment] = useState('');
  const [text, setText] = useState(draft.text);
  const mine = draft.author.id === viewerId;
  const decide = (decision: 'approve' | 'reject' | 'request_changes') =>
    review.mutate(
      { id: draft.id, input: { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) } },
      { onSuccess: () => setComment('') },
    );
  return (
    <li className="draft-card" data-testid="draft" data-status={draft.status} data-kind={draft.kind}>
      <div className="small muted">
        {KIND_LABEL[draft.kind]}
        {draft.dealTitle ? ` “${draft.dealTitle}”` : ''} by @{draft.author.handle} ·{' '}
        {STATUS_LABEL[draft.status]}
        {draft.status === 'pending' && ` · ${draft.approvals}/${draft.approvalsNeeded} approvals`}
        {draft.publishAt && ` · goes out ${formatDateTime(draft.publishAt)}`}
      </div>
      <p className="draft-text">{draft.text}</p>
      {draft.refusal && <p className="field-error">{draft.refusal}</p>}
      {draft.reviews.length > 0 && (
        <ul className="draft-reviews small">
          {draft.reviews.map((r) => (
            <li key={`${r.reviewer.id}-${r.createdAt}`}>
              @{r.reviewer.handle} {DECISION_LABEL[r.decision]}
              {r.comment ? `: “${r.comment}”` : ''}
            </li>
          ))}
        </ul>
      )}
      {draft.status === 'pending' && canReview && !mine && (
        <div className="draft-actions">
          <input
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="Comment (optional)"
            aria-label="Comment"
            maxLength={1000}
            data-testid="draft-comment"
          />
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => decide('approve')}
            data-testid="draft-approve"
          >
            Approve
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => decide('request_changes')}
          >
            Request changes
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => decide('reject')}
            data-testid="draft-reject"
          >
            Reject
          </button>
        </div>
      )}
      {draft.status === 'pending' && mine && (
        <p className="small muted">Another approver must review your draft.</p>
      )}
      {draft.status === 'changes_requested' && mine && (
        <div className="draft-actions">
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={2}
            aria-label="Revised text"
            maxLength={500}
          />
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => revise.mutate({ id: draft.id, input: { text } })}
          >
            Resubmit
          </button>
        </div>
      )}
      {draft.status === 'scheduled' && (
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => publish.mutate(draft.id)}>
          Publish now
        </button>
      )}
      <ErrorBanner error={review.error ?? revise.error ?? publish.error} />
    </li>
  );
}
