import { type FormEvent, useState } from 'react';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { Queue } from '../api/care.types.ts';
import { useQueues } from '../hooks/use-inbox.ts';
import { useAddQueue, useRemoveQueue, useRenameQueue } from '../hooks/use-workflow.ts';

const testIdOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function QueueRow({ handle, queue, canEdit }: { handle: string; queue: Queue; canEdit: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const rename = useRenameQueue(handle);
  const remove = useRemoveQueue(handle);
  const busy = rename.isPending || remove.isPending;
  const save = (event: FormEvent) => {
    event.preventDefault();
    const name = draft?.trim();
    if (!name || name === queue.name) return setDraft(null);
    rename.mutate({ id: queue.id, name }, { onSuccess: () => setDraft(null) });
  };
  return (
    <li className="setup-item" data-testid="queue-row" data-queue={testIdOf(queue.name)}>
      {draft === null ? (
        <strong>{queue.name}</strong>
      ) : (
        <form className="inline-form setup-inline" onSubmit={save} aria-label={`Rename ${queue.name}`}>
          <input
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            maxLength={60}
            aria-label="Queue name"
            // biome-ignore lint/a11y/noAutofocus: the agent just asked to rename this queue
            autoFocus
            data-testid="queue-rename-input"
          />
          <button type="submit" className="btn btn-primary btn-xs" disabled={busy || !draft.trim()}>
            Save
          </button>
          <button type="button" className="btn btn-ghost btn-xs" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </form>
      )}
      {canEdit && draft === null && (
        <span className="setup-buttons">
          <button
            type="button"
            className="btn btn-secondary btn-xs"
            disabled={busy}
            onClick={() => setDraft(queue.name)}
            data-testid="queue-rename"
          >
            Rename
          </button>
          <button
            type="button"
            className="btn btn-danger-outline btn-xs"
            disabled={busy}
            onClick={() => remove.mutate(queue.id)}
            aria-label={`Remove queue ${queue.name}`}
            data-testid="queue-remove"
          >
            Remove
          </button>
        </span>
      )}
      {(rename.error || remove.error) && (
        <div className="setup-row-error">
          <ErrorBanner error={rename.error ?? remove.error} />
        </div>
      )}
    </li>
  );
}

/** The inbox's queues: owners and admins add, rename and remove them; a removed queue's conversations stay, unqueued. */
export function QueueManager({ handle, canEdit }: { handle: string; canEdit: boolean }) {
  const queues = useQueues(handle);
  const add = useAddQueue(handle);
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    add.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  return (
    <section className="panel" aria-label="Queues" data-testid="queue-manager">
      <h2>Queues</h2>
      <p className="muted small">
        Routing rules and triage send conversations to queues; each queue can have its own SLA policy.
        Removing a queue leaves its conversations in the inbox without a queue.
      </p>
      {queues.isPending ? (
        <Loading />
      ) : queues.error ? (
        <ErrorBanner error={queues.error} />
      ) : (
        <ul className="setup-list">
          {queues.data.items.map((q) => (
            <QueueRow key={q.id} handle={handle} queue={q} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {canEdit ? (
        <form className="inline-form setup-inline" onSubmit={submit} aria-label="Add a queue">
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
            placeholder="New queue, e.g. Returns"
            aria-label="New queue name"
            data-testid="queue-name"
          />
          <button
            type="submit"
            className="btn btn-primary btn-sm"
            disabled={add.isPending || !name.trim()}
            data-testid="queue-add"
          >
            Add queue
          </button>
        </form>
      ) : (
        <p className="muted small">Owners and admins of the brand can add, rename and remove queues.</p>
      )}
      <ErrorBanner error={add.error} />
    </section>
  );
}
