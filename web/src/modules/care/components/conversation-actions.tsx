import { type FormEvent, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { type ConversationDetail, PRIORITIES, type Priority } from '../api/care.types.ts';
import { useInboxAgents, useUpdateConversation } from '../hooks/use-inbox.ts';
import { SnoozeAction } from './snooze-action.tsx';

/** Status, snooze, assignee, priority and tags of one conversation. */
export function ConversationActions({
  handle,
  conversation,
}: {
  handle: string;
  conversation: ConversationDetail;
}) {
  const update = useUpdateConversation(handle, conversation.id);
  const agents = useInboxAgents(handle).data ?? [];
  const c = conversation;
  const busy = update.isPending;
  return (
    <div className="care-actions">
      <div className="care-action-row">
        {c.status === 'open' && (
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            disabled={busy}
            onClick={() => update.mutate({ status: 'pending' })}
            data-testid="status-pending"
          >
            Pending
          </button>
        )}
        {c.status !== 'resolved' ? (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={busy}
            onClick={() => update.mutate({ status: 'resolved' })}
            data-testid="status-resolve"
          >
            Resolve
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            disabled={busy}
            onClick={() => update.mutate({ status: 'open' })}
            data-testid="status-reopen"
          >
            Reopen
          </button>
        )}
        <SnoozeAction
          conversation={c}
          disabled={busy}
          onChange={(snoozedUntil) => update.mutate({ snoozedUntil })}
        />
        <label className="care-select">
          <span>Assignee</span>
          <select
            value={c.assignee?.handle ?? ''}
            disabled={busy}
            onChange={(e) => update.mutate({ assignee: e.target.value || null })}
            data-testid="assign-select"
          >
            <option value="">Unassigned</option>
            {c.assignee && !agents.some((a) => a.account.id === c.assignee?.id) && (
              <option value={c.assignee.handle}>@{c.assignee.handle}</option>
            )}
            {agents.map((a) => (
              <option key={a.account.id} value={a.account.handle}>
                {a.account.name} (@{a.account.handle}, {a.role})
              </option>
            ))}
          </select>
        </label>
        <label className="care-select">
          <span>Priority</span>
          <select
            value={c.priority}
            disabled={busy}
            onChange={(e) => update.mutate({ priority: e.target.value as Priority })}
            data-testid="priority-select"
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </div>
      <TagEditor tags={c.tags} disabled={busy} onChange={(tags) => update.mutate({ tags })} />
      {update.error && <ErrorBanner error={update.error} />}
    </div>
  );
}

function TagEditor({
  tags,
  disabled,
  onChange,
}: {
  tags: string[];
  disabled: boolean;
  onChange: (tags: string[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const next = draft
      .split(',')
      .map((t) => t.trim().replace(/^#/, ''))
      .filter((t) => t && !tags.includes(t));
    if (next.length > 0) onChange([...tags, ...next]);
    setDraft('');
  };
  return (
    <form className="care-tags" onSubmit={add} aria-label="Tags">
      {tags.map((tag) => (
        <span key={tag} className="care-tag" data-testid="conversation-tag">
          #{tag}
          <button
            type="button"
            className="care-tag-remove"
            aria-label={`Remove tag ${tag}`}
            disabled={disabled}
            onClick={() => onChange(tags.filter((t) => t !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        placeholder="Add tag"
        maxLength={40}
        aria-label="Add a tag"
        data-testid="tag-input"
      />
      <button type="submit" className="btn btn-ghost btn-xs" disabled={disabled || !draft.trim()}>
        Add
      </button>
    </form>
  );
}
