import { type FormEvent, useRef, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { LibraryItem } from '../api/advocacy.api.ts';
import { useShareFromLibrary } from '../hooks/use-advocacy.ts';
import { isPolicyError, usePolicyGuard } from '../hooks/use-policy-guard.ts';
import { PolicyField } from './policy-field.tsx';
import { PolicyFindings } from './policy-findings.tsx';

/** Share a library post: reshare it as it is, or quote it in your own words, linted as you type. */
export function ShareForm({ handle, item }: { handle: string; item: LibraryItem }) {
  const [text, setText] = useState(item.caption ?? '');
  const [quoting, setQuoting] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const share = useShareFromLibrary(handle, item.post.id);
  const targets = quoting ? [{ handle, channel: 'employee_post' as const, aboutBrand: true }] : [];
  const policy = usePolicyGuard(text, targets, share.error);
  if (item.myShare)
    return (
      <p className="small muted" data-testid="library-shared">
        You shared this ({item.myShare.kind}). <a href={`/posts/${item.myShare.postId}`}>See your share</a>
      </p>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    share.mutate({ mode: 'quote', text, ...(policy.override ? { policyOverride: policy.override } : {}) });
  };
  return (
    <div className="library-share">
      {!quoting ? (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={share.isPending}
            onClick={() => share.mutate({ mode: 'reshare' })}
            data-testid="library-reshare"
          >
            Reshare
          </button>
          <button type="button" className="btn" onClick={() => setQuoting(true)} data-testid="library-quote">
            Share in my words
          </button>
        </div>
      ) : (
        <form onSubmit={submit} className="form">
          <PolicyField textareaRef={field} text={text} findings={policy.findings}>
            <textarea
              ref={field}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={3}
              aria-label="Your words"
              data-testid="library-quote-text"
            />
          </PolicyField>
          <PolicyFindings guard={policy} text={text} onChange={setText} textarea={field.current} />
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={!text.trim() || !policy.canSubmit || share.isPending}
              data-testid="library-quote-send"
            >
              Share
            </button>
            <button type="button" className="btn" onClick={() => setQuoting(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {share.error && !isPolicyError(share.error) && <ErrorBanner error={share.error} />}
    </div>
  );
}
