import { Link } from 'react-router';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { useCannedReplies, useRenderCannedReply } from '../hooks/use-workflow.ts';

/**
 * Picks one of the brand's canned replies; the server fills its variables for this conversation's customer and
 * the text goes into the reply box, where the agent can still edit it before sending.
 */
export function CannedPicker({
  handle,
  conversationId,
  onInsert,
}: {
  handle: string;
  conversationId: string;
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
            if (e.target.value) render.mutate(e.target.value, { onSuccess: (r) => onInsert(r.text) });
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
        <span className="field-error" role="alert">
          {errorMessage(render.error)}
        </span>
      )}
    </span>
  );
}
