import { useId } from 'react';
import type { BrandDraft } from '../hooks/use-brand-draft.ts';

/** "Publish at" for a post as the brand, and a line saying it waits for approval when the role needs it. */
export function PublishAtField({ draft }: { draft: BrandDraft }) {
  const id = useId();
  return (
    <div className="publish-at">
      <label htmlFor={id} className="small">
        Publish at
      </label>
      <input
        id={id}
        type="datetime-local"
        value={draft.publishAt}
        onChange={(e) => draft.setPublishAt(e.target.value)}
        data-testid="compose-publish-at"
      />
      {draft.needsApproval && (
        <p className="small muted" data-testid="needs-approval">
          Posts as this brand by your role wait for approval before they go out.
        </p>
      )}
    </div>
  );
}
