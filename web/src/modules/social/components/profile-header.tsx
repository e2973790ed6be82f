import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { KindLabel, VerifiedMark } from '../../../shared/ui/account-badges.tsx';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { LinkIcon } from '../../../shared/ui/icons.tsx';
import { displayUrl, safeHttpUrl } from '../../../shared/ui/safe-url.ts';
import { MANAGING_ROLES, useViewer } from '../../identity/index.ts';
import type { Profile } from '../api/social.types.ts';
import { useToggleFollow } from '../hooks/use-profile.ts';
import { TierBadges } from './tier-badge.tsx';

const formatCount = (n: number) => new Intl.NumberFormat(undefined, { notation: 'compact' }).format(n);

function FollowButton({ profile }: { profile: Profile }) {
  const me = useViewer();
  const navigate = useNavigate();
  const follow = useToggleFollow(profile.handle);
  const following = profile.viewer.following;
  return (
    <div className="follow-wrap">
      <button
        type="button"
        data-testid="follow-button"
        className={following ? 'btn btn-secondary btn-unfollow' : 'btn btn-primary'}
        disabled={follow.isPending}
        onClick={() => (me ? follow.mutate(profile) : navigate('/login'))}
      >
        {following ? 'Unfollow' : 'Follow'}
      </button>
      {follow.error && (
        <p className="inline-error" role="alert">
          {errorMessage(follow.error)}
        </p>
      )}
    </div>
  );
}

function ProfileActions({ profile }: { profile: Profile }) {
  const me = useViewer();
  if (me && me.account.id === profile.id) {
    return (
      <Link to="/settings" className="btn btn-secondary">
        Edit profile
      </Link>
    );
  }
  const role = me?.memberships.find((m) => m.org.id === profile.id)?.role;
  return (
    <>
      {role && MANAGING_ROLES.includes(role) && (
        <Link to={`/orgs/${profile.handle}/manage`} className="btn btn-secondary">
          Manage
        </Link>
      )}
      <FollowButton profile={profile} />
    </>
  );
}

function ProfileLinks({ links }: { links: Profile['links'] }) {
  if (links.length === 0) return null;
  return (
    <ul className="profile-links">
      {links.map((link) => {
        const href = safeHttpUrl(link.url);
        return (
          <li key={`${link.title}:${link.url}`}>
            <LinkIcon size={14} />
            <span className="profile-link-title">{link.title}</span>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer nofollow me">
                {displayUrl(link.url)}
              </a>
            ) : (
              <span>{link.url}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Who the account is: picture, names, bio, links, counts, and follow or edit. */
export function ProfileHeader({ profile }: { profile: Profile }) {
  const base = `/@${profile.handle}`;
  return (
    <section className="profile-header" aria-label="Profile" data-testid="profile-header">
      <div className={`profile-banner banner-${profile.kind}`} />
      <div className="profile-top">
        <div className="profile-avatar">
          <Avatar account={profile} size={88} />
        </div>
        <div className="profile-actions">
          <ProfileActions profile={profile} />
        </div>
      </div>
      <div className="profile-info">
        <h2 className="profile-name">
          <span data-testid="profile-name">{profile.name}</span>
          {profile.verified && <VerifiedMark />}
          <KindLabel kind={profile.kind} />
          <TierBadges badges={profile.badges} />
        </h2>
        <p className="handle">
          @{profile.handle}
          {profile.viewer.followedBy && <span className="follows-you">Follows you</span>}
          {profile.viewer.role && <span className="follows-you">Your role: {profile.viewer.role}</span>}
        </p>
        {profile.bio && (
          <p className="profile-bio" data-testid="profile-bio">
            {profile.bio}
          </p>
        )}
        <ProfileLinks links={profile.links} />
        <p className="profile-counts">
          <Link to={`${base}/following`}>
            <strong>{formatCount(profile.followingCount)}</strong> following
          </Link>
          <Link to={`${base}/followers`}>
            <strong>{formatCount(profile.followersCount)}</strong>{' '}
            {profile.followersCount === 1 ? 'follower' : 'followers'}
          </Link>
          <Link to={base}>
            <strong>{formatCount(profile.postsCount)}</strong> {profile.postsCount === 1 ? 'post' : 'posts'}
          </Link>
        </p>
      </div>
    </section>
  );
}
