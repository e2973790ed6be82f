import { useState } from 'react';
import { LinkIcon } from '../../../shared/ui/icons.tsx';

/** Copies the deal's link with the user's referral handle, so sales through it are credited to them. */
export function ShareLinkButton({ dealId, handle }: { dealId: string; handle: string | null }) {
  const [state, setState] = useState<'idle' | 'copied' | 'shown'>('idle');
  const path = `/deals/${dealId}${handle ? `?ref=${encodeURIComponent(handle)}` : ''}`;
  const url = `${window.location.origin}${path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
      setTimeout(() => setState('idle'), 2500);
    } catch {
      setState('shown'); // no clipboard (insecure origin, denied): show the link to copy by hand
    }
  };
  return (
    <span className="share-link">
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        data-testid="deal-share"
        data-share-url={path}
        onClick={() => void copy()}
      >
        <LinkIcon size={16} />
        {state === 'copied' ? 'Link copied' : 'Share link'}
      </button>
      {state === 'shown' && (
        <input
          className="share-link-input"
          readOnly
          value={url}
          aria-label="Share link"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? 'Link copied to the clipboard' : ''}
      </span>
    </span>
  );
}
