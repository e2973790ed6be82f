import { errorMessage } from '../../../shared/api/api-error.ts';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { Loading } from '../../../shared/ui/status.tsx';
import type { Suggestion } from '../api/social.types.ts';
import { useFollowSuggestion, useSuggestions } from '../hooks/use-suggestions.ts';

function reasonOf(s: Suggestion): string {
  if (s.reason === 'followed_by_people_you_follow') {
    return s.mutualCount === 1
      ? 'Followed by 1 person you follow'
      : `Followed by ${s.mutualCount} people you follow`;
  }
  return s.followersCount === 1 ? 'Popular · 1 follower' : `Popular · ${s.followersCount} followers`;
}

type WhoToFollowProps = {
  limit: number;
  /** "rail": the compact side-rail card; "page": the list on an empty home timeline. */
  variant: 'rail' | 'page';
};

/** Accounts to follow, each with a Follow button that follows at once and removes the card. */
export function WhoToFollow({ limit, variant }: WhoToFollowProps) {
  const suggestions = useSuggestions(limit);
  const follow = useFollowSuggestion();
  const items = suggestions.data?.items ?? [];
  if (variant === 'rail' && items.length === 0) return null;
  const headingId = `who-to-follow-${variant}`;
  return (
    <section
      className={variant === 'rail' ? 'rail-card who-to-follow' : 'who-to-follow who-to-follow-page'}
      aria-labelledby={headingId}
      data-testid={`who-to-follow-${variant}`}
    >
      <h2 id={headingId}>Who to follow</h2>
      {suggestions.isPending && <Loading />}
      {suggestions.isSuccess && items.length === 0 && (
        <p className="muted small">No suggestions yet. Search for people and brands you know.</p>
      )}
      {follow.error && (
        <p className="inline-error" role="alert">
          {errorMessage(follow.error)}
        </p>
      )}
      <ul className="who-to-follow-list">
        {items.map((s) => (
          <li key={s.account.id} data-testid="suggestion">
            <AccountRow
              account={s.account}
              size={variant === 'rail' ? 32 : 44}
              trailing={
                <button
                  type="button"
                  className="btn btn-primary btn-xs"
                  data-testid="suggestion-follow"
                  aria-label={`Follow @${s.account.handle}`}
                  disabled={follow.isPending && follow.variables === s.account.handle}
                  onClick={() => follow.mutate(s.account.handle)}
                >
                  Follow
                </button>
              }
            />
            {variant === 'page' && <p className="who-to-follow-reason muted small">{reasonOf(s)}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
