import { useState } from 'react';
import { RelativeTime } from '../../../shared/ui/relative-time.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { type ConversationDetail, intentLabel } from '../api/care.types.ts';
import { useMergeConversation } from '../hooks/use-care-extras.ts';

/** "Merge into…": picks another conversation of the same customer with this brand and moves everything there. */
export function MergeAction({
  handle,
  conversation,
  onMerged,
}: {
  handle: string;
  conversation: ConversationDetail;
  onMerged: (targetId: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [targetId, setTargetId] = useState('');
  const merge = useMergeConversation(handle, conversation.id);
  const candidates = conversation.customer360.conversations.filter((c) => c.id !== conversation.id);
  if (candidates.length === 0) return null;
  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={() => setOpen(true)}
        data-testid="merge-open"
      >
        Merge into…
      </button>
    );
  }
  const chosen = targetId || candidates[0].id;
  return (
    <fieldset className="care-merge" aria-label="Merge into another conversation">
      <label className="care-select">
        <span>Merge into</span>
        <select value={chosen} onChange={(e) => setTargetId(e.target.value)} data-testid="merge-target">
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {intentLabel(c.intent)} · {c.status} · opened {new Date(c.openedAt).toLocaleDateString()}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-primary btn-sm"
        disabled={merge.isPending}
        onClick={() => merge.mutate(chosen, { onSuccess: (result) => onMerged(result.mergedIntoId) })}
        data-testid="merge-submit"
      >
        {merge.isPending ? 'Merging…' : 'Merge'}
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <p className="muted small">
        Its messages, notes and tags move there; this conversation closes and points to it.
      </p>
      {merge.error && <ErrorBanner error={merge.error} />}
    </fieldset>
  );
}

/** Shown instead of the reply boxes on a conversation that was merged: where it went, who merged it, when. */
export function MergedBanner({
  conversation,
  onOpen,
}: {
  conversation: ConversationDetail;
  onOpen: (id: string) => void;
}) {
  const merge = conversation.activity.find((a) => a.kind === 'merged_into');
  if (!conversation.mergedIntoId) return null;
  const target = conversation.mergedIntoId;
  return (
    <div className="care-merged-banner" role="status" data-testid="merged-banner">
      <p>
        Merged into another conversation of this customer
        {merge?.actor && ` by @${merge.actor.handle}`}
        {conversation.mergedAt && (
          <>
            {' '}
            · <RelativeTime iso={conversation.mergedAt} />
          </>
        )}
        . Its messages and notes are there now.
      </p>
      <button
        type="button"
        className="btn btn-primary btn-sm"
        onClick={() => onOpen(target)}
        data-testid="merged-open-target"
      >
        Open that conversation
      </button>
    </div>
  );
}

/** Conversations merged into this one, with who merged them and when, and what follow-ups changed in its triage. */
export function MergeActivity({
  conversation,
  onOpen,
}: {
  conversation: ConversationDetail;
  onOpen: (id: string) => void;
}) {
  const shown = conversation.activity.filter((a) => a.kind === 'merged_from' || a.kind === 'triage_changed');
  if (shown.length === 0) return null;
  return (
    <ul className="care-activity" aria-label="Activity">
      {shown.map((a) =>
        a.kind === 'triage_changed' ? (
          <li key={`triage-${a.at}`} data-testid="triage-activity">
            Follow-up changed {a.summary ?? 'the triage'} · <RelativeTime iso={a.at} />
          </li>
        ) : (
          <li key={`${a.conversationId}-${a.at}`} data-testid="merge-activity">
            {a.actor ? `@${a.actor.handle}` : 'Someone'} merged{' '}
            {a.conversationId ? (
              <button type="button" className="link-button" onClick={() => onOpen(a.conversationId!)}>
                another conversation
              </button>
            ) : (
              'another conversation'
            )}{' '}
            into this one · <RelativeTime iso={a.at} />
          </li>
        ),
      )}
    </ul>
  );
}
