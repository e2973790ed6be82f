import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useNavigate } from 'react-router';
import { QuoteIcon } from '../../../shared/ui/icons.tsx';
import type { Me } from '../../identity/index.ts';
import type { OriginalPost } from '../api/social.types.ts';
import { ComposeBox } from './compose-box.tsx';

/** The composer in a modal dialog, with the quoted post's card under the text. */
function QuoteDialog({ me, post, onClose }: { me: Me; post: OriginalPost; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      className="quote-dialog"
      aria-labelledby={titleId}
      data-testid="quote-dialog"
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header className="quote-dialog-header">
        <h2 id={titleId}>Quote @{post.author.handle}</h2>
        <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <ComposeBox me={me} quote={post} autoFocus onPosted={onClose} />
    </dialog>,
    document.body,
  );
}

/** Opens the composer to quote a public post (sign in first when signed out). */
export function QuoteButton({ post, me }: { post: OriginalPost; me: Me | null | undefined }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const disabledReason = post.visibility === 'public' ? null : 'Only public posts can be quoted';
  return (
    <>
      <button
        type="button"
        className="action action-quote"
        data-testid="quote-button"
        onClick={() => (me ? setOpen(true) : navigate('/login'))}
        disabled={Boolean(disabledReason)}
        title={disabledReason ?? 'Quote'}
        aria-label={`Quote (${post.counts.quotes})`}
      >
        <QuoteIcon size={18} />
        <span className="action-count">{post.counts.quotes}</span>
      </button>
      {open && me && <QuoteDialog me={me} post={post} onClose={() => setOpen(false)} />}
    </>
  );
}
