import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ReshareIcon } from '../../../shared/ui/icons.tsx';
import type { AccountSummary } from '../../identity/index.ts';
import type { OriginalPost } from '../api/social.types.ts';

type ReshareButtonProps = {
  post: OriginalPost;
  identities: AccountSummary[] | null;
  pending: boolean;
  onReshare: (as: string | undefined) => void;
};

function whyDisabled(post: OriginalPost, canChoose: boolean): string | null {
  if (post.visibility !== 'public') return 'Only public posts can be reshared';
  // With organizations to choose from, the menu still offers them after a personal reshare.
  if (post.viewer.reshared && !canChoose) return 'You reshared this';
  return null;
}

/** Reshares as yourself, or first asks as whom when you may also post for an organization. */
export function ReshareButton({ post, identities, pending, onReshare }: ReshareButtonProps) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);
  const canChoose = identities !== null && identities.length > 1;
  const disabledReason = whyDisabled(post, canChoose);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const click = () => {
    if (!identities) return navigate('/login');
    if (canChoose) return setOpen((o) => !o);
    onReshare(undefined);
  };

  const choose = (account: AccountSummary, index: number) => {
    setOpen(false);
    onReshare(index === 0 ? undefined : account.handle);
  };

  return (
    <div className="menu-anchor" ref={ref}>
      <button
        type="button"
        className={post.viewer.reshared ? 'action action-reshare active' : 'action action-reshare'}
        data-testid="reshare-button"
        onClick={click}
        disabled={pending || Boolean(disabledReason)}
        title={disabledReason ?? 'Reshare'}
        aria-label={`Reshare (${post.counts.reshares})`}
        aria-haspopup={canChoose ? 'menu' : undefined}
        aria-expanded={open || undefined}
      >
        <ReshareIcon size={18} />
        <span className="action-count">{post.counts.reshares}</span>
      </button>
      {open && identities && (
        <div className="menu" role="menu">
          <p className="menu-title">Reshare as</p>
          {identities.map((account, index) => (
            <button
              key={account.id}
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => choose(account, index)}
              disabled={index === 0 && post.viewer.reshared}
            >
              {account.name} <span className="handle">@{account.handle}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
