import { Link } from 'react-router';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { useCannedReplies, useRenderCannedReply } from '../hooks/use-workflow.ts';

/**
 * Puts a snippet into `text` in place of the selection [start, end), apart from the words around it: a new
 * paragraph after a finished sentence, else a space, so two canned replies never run together ("today.Hi Nina").
 */
export function insertSnippet(text: string, start: number, end: number, snippet: string) {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before === '' || /\s$/.test(before) ? '' : /[.!?…)]$/.test(before) ? '\n\n' : ' ';
  const trail = after === '' || /^\s/.test(after) ? '' : ' ';
  const next = `${before}${lead}${snippet}${trail}${after}`;
  return { next, caret: before.length + lead.length + snippet.length };
}

/**
 * Picks one of the brand's canned replies; the server fills its variables for this conversation's customer and
 * the text goes into the reply box, where the agent can still edit it before sending.
 */
export function CannedPicker({
  handle,
  conversationId,
  mode,
  onInsert,
}: {
  handle: string;
  conversationId: string;
  /** How the reply goes out: order details fill in only for a private message. */
  mode: 'public' | 'private';
  onInsert: (text: string) => void;
}) {
  const canned = useCannedReplies(handle);
  const render = useRenderCannedReply(handle, conversationId);
  const items = canned.data?.items ?? [];
  if (canned.isSuccess && items.length === 0) {
    return (
      <Link to={`/orgs/${handle}/inbox/setup`} className="small" data-testid="canned-setup-link">
        Add canned replies
      </Link>
    );
  }
  return (
    <span className="care-canned">
      <label className="care-select">
        <span>Canned reply</span>
        <select
          value=""
          disabled={!canned.isSuccess || render.isPending}
          onChange={(e) => {
            if (e.target.value)
              render.mutate({ cannedId: e.target.value, mode }, { onSuccess: (r) => onInsert(r.text) });
          }}
          data-testid="canned-select"
        >
          <option value="">{render.isPending ? 'Filling in…' : 'Insert…'}</option>
          {items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      {render.error && (
        <span className="field-error" role="alert" data-testid="canned-error">
          {errorMessage(render.error)}
        </span>
      )}
    </span>
  );
}
