import { LockIcon, MailIcon } from '../../../shared/ui/icons.tsx';
import type { Visibility } from '../api/social.types.ts';

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Public',
  followers: 'Followers only',
  direct: 'Direct: mentioned people only',
};

/** Short names for the compose box's audience picker. */
export const VISIBILITY_CHOICES: Record<Visibility, string> = {
  public: 'Public',
  followers: 'Followers',
  direct: 'Direct',
};

/** A small lock or envelope on posts that are not public; nothing on public ones. */
export function VisibilityIcon({ visibility }: { visibility: Visibility }) {
  if (visibility === 'public') return null;
  const label = VISIBILITY_LABELS[visibility];
  return (
    <span
      className="visibility-icon"
      title={label}
      role="img"
      aria-label={label}
      data-testid="post-visibility"
    >
      {visibility === 'followers' ? <LockIcon size={14} /> : <MailIcon size={14} />}
    </span>
  );
}
