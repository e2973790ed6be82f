import { type FormEvent, useState } from 'react';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { CANNED_VARIABLES, type CannedReply } from '../api/workflow.types.ts';
import {
  useAddCannedReply,
  useCannedReplies,
  useRemoveCannedReply,
  useUpdateCannedReply,
} from '../hooks/use-workflow.ts';

/** Shows a canned reply's placeholders as chips, so the list reads like the template it is. */
function CannedBody({ body }: { body: string }) {
  return (
    <p className="canned-body small">
      {body.split(/(\{\w+\})/).map((part, i) =>
        /^\{\w+\}$/.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never reorder
          <code key={i} className="canned-variable">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </p>
  );
}

/** The brand's canned replies: everyone in the inbox reads them, owners and admins add, edit and remove them. */
export function CannedRepliesPanel({ handle, canEdit }: { handle: string; canEdit: boolean }) {
  const canned = useCannedReplies(handle);
  const remove = useRemoveCannedReply(handle);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="panel" aria-label="Canned replies" data-testid="canned-replies-panel">
      <h2>Canned replies</h2>
      <p className="muted small">
        Agents insert them from the reply box, filled in for the conversation, and can edit them before
        sending.
      </p>
      {canned.isPending ? (
        <Loading />
      ) : canned.error ? (
        <ErrorBanner error={canned.error} />
      ) : canned.data.items.length === 0 ? (
        <EmptyState title="No canned replies yet" />
      ) : (
        <ul className="setup-list">
          {canned.data.items.map((c) => (
            <li key={c.id} className="setup-item" data-testid="canned-reply">
              {editing === c.id ? (
                <CannedEditForm handle={handle} canned={c} onDone={() => setEditing(null)} />
              ) : (
                <div>
                  <strong>{c.title}</strong>
                  <CannedBody body={c.body} />
                </div>
              )}
              {canEdit && editing !== c.id && (
                <button
                  type="button"
                  className="btn btn-secondary btn-xs"
                  onClick={() => setEditing(c.id)}
                  aria-label={`Edit canned reply ${c.title}`}
                  data-testid="canned-edit"
                >
                  Edit
                </button>
              )}
              {canEdit && editing !== c.id && (
                <button
                  type="button"
                  className="btn btn-danger-outline btn-xs"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(c.id)}
                  aria-label={`Remove canned reply ${c.title}`}
                  data-testid="canned-remove"
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorBanner error={remove.error} />
      {canEdit ? (
        <CannedReplyForm handle={handle} />
      ) : (
        <p className="muted small">Owners and admins of the brand can add, edit and remove canned replies.</p>
      )}
    </section>
  );
}

/** Edits one canned reply in place; saving or cancelling closes the form. */
function CannedEditForm({
  handle,
  canned,
  onDone,
}: {
  handle: string;
  canned: CannedReply;
  onDone: () => void;
}) {
  const [title, setTitle] = useState(canned.title);
  const [body, setBody] = useState(canned.body);
  const update = useUpdateCannedReply(handle);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || !body.trim()) return;
    update.mutate({ id: canned.id, title: title.trim(), body: body.trim() }, { onSuccess: onDone });
  };
  return (
    <form className="form setup-form" onSubmit={submit} aria-label={`Edit canned reply ${canned.title}`}>
      <div className="field">
        <label htmlFor={`canned-edit-title-${canned.id}`}>Title</label>
        <input
          id={`canned-edit-title-${canned.id}`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={80}
          data-testid="canned-edit-title"
        />
      </div>
      <div className="field">
        <label htmlFor={`canned-edit-body-${canned.id}`}>Reply</label>
        <textarea
          id={`canned-edit-body-${canned.id}`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
          maxLength={500}
          data-testid="canned-edit-body"
        />
      </div>
      <ErrorBanner error={update.error} />
      <div className="setup-form-actions">
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          disabled={update.isPending || !title.trim() || !body.trim()}
          data-testid="canned-save"
        >
          {update.isPending ? 'Saving…' : 'Save'}
        </button>{' '}
        <button type="button" className="btn btn-secondary btn-sm" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function CannedReplyForm({ handle }: { handle: string }) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const add = useAddCannedReply(handle);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || !body.trim()) return;
    add.mutate(
      { title: title.trim(), body: body.trim() },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
        },
      },
    );
  };
  return (
    <form className="form setup-form" onSubmit={submit} aria-label="Add a canned reply">
      <div className="field">
        <label htmlFor="canned-title">Title</label>
        <input
          id="canned-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={80}
          placeholder="Order delayed"
          data-testid="canned-title"
        />
      </div>
      <div className="field">
        <label htmlFor="canned-body">Reply</label>
        <textarea
          id="canned-body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
          maxLength={500}
          placeholder="Hi {first_name}, sorry about order {order_id}. We are on it."
          data-testid="canned-body"
        />
        <div className="field-hint" data-testid="canned-variables">
          Variables, filled in per conversation (left as written when unknown):
          <dl className="canned-variables">
            {CANNED_VARIABLES.map((v) => (
              <div key={v.name}>
                <dt>
                  <code className="canned-variable">{v.name}</code>
                </dt>
                <dd>{v.meaning}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      <ErrorBanner error={add.error} />
      <div>
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          disabled={add.isPending || !title.trim() || !body.trim()}
          data-testid="canned-add"
        >
          {add.isPending ? 'Adding…' : 'Add canned reply'}
        </button>
      </div>
    </form>
  );
}
