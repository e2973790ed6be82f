import { Link } from 'react-router';
import { KindLabel, VerifiedMark } from '../../../shared/ui/account-badges.tsx';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { ReshareIcon } from '../../../shared/ui/icons.tsx';
import { formatFull, RelativeTime } from '../../../shared/ui/relative-time.tsx';
import { DealPostCard } from '../../commerce/index.ts';
import { MediaGrid } from '../../media/index.ts';
import { RfpPostCard } from '../../rfp/index.ts';
import type { OriginalPost, Post } from '../api/social.types.ts';
import { PostActions } from './post-actions.tsx';
import { PostText } from './post-text.tsx';
import { QuotedCard } from './quoted-card.tsx';
import { TierBadges } from './tier-badge.tsx';
import { VisibilityIcon } from './visibility-icon.tsx';

type PostCardProps = {
  post: Post;
  /** The post a thread is about: larger text and the full date. */
  highlighted?: boolean;
  /** In a thread, a line joins a post to the reply under it. */
  connected?: boolean;
};

function ReshareHeader({ by }: { by: Post['author'] }) {
  return (
    <div className="post-context">
      <ReshareIcon size={14} />
      <Link to={`/@${by.handle}`} data-testid="reshared-by">
        {by.name}
      </Link>
      <span>reshared</span>
    </div>
  );
}

/**
 * Whom a reply answers. The server leaves the author out (null) when the reader may not see the parent (hidden or
 * deleted) and on a reshare's original; then the line links to the parent post instead.
 */
function ReplyingTo({ reply }: { reply: NonNullable<OriginalPost['inReplyTo']> }) {
  const { author } = reply;
  return (
    <p className="replying-to">
      Replying to{' '}
      {author ? (
        <Link to={`/@${author.handle}`}>@{author.handle}</Link>
      ) : (
        <Link to={`/posts/${reply.id}`}>a post</Link>
      )}
    </p>
  );
}

function PostHeader({ post, highlighted }: { post: OriginalPost; highlighted: boolean }) {
  const { author } = post;
  return (
    <header className="post-header">
      <Link to={`/@${author.handle}`} className="post-author" data-testid="post-author">
        <span className="post-author-name truncate">{author.name}</span>
        {author.verified && <VerifiedMark />}
        <KindLabel kind={author.kind} />
        <TierBadges badges={author.badges} />
        <span className="handle truncate">@{author.handle}</span>
      </Link>
      {!highlighted && (
        <>
          <span className="dot" aria-hidden="true">
            ·
          </span>
          <RelativeTime iso={post.createdAt} to={`/posts/${post.id}`} />
        </>
      )}
      <VisibilityIcon visibility={post.visibility} />
    </header>
  );
}

/** One post in a list or thread; a reshare shows its original under a "reshared by" line. */
export function PostCard({ post: item, highlighted = false, connected = false }: PostCardProps) {
  const post = item.reshareOf ?? item;
  const classes = ['post', highlighted && 'post-highlighted', connected && 'post-connected']
    .filter(Boolean)
    .join(' ');
  return (
    <article className={classes} data-testid="post" data-post-id={item.id} data-shown-id={post.id}>
      {item.reshareOf && <ReshareHeader by={item.author} />}
      <div className="post-body">
        <Link to={`/@${post.author.handle}`} className="post-avatar" tabIndex={-1} aria-hidden="true">
          <Avatar account={post.author} size={highlighted ? 52 : 44} />
        </Link>
        <div className="post-main">
          <PostHeader post={post} highlighted={highlighted} />
          {post.inReplyTo && <ReplyingTo reply={post.inReplyTo} />}
          {post.text !== '' && <PostText text={post.text} entities={post.entities} />}
          <MediaGrid items={post.media} />
          {post.quoteOf && <QuotedCard quote={post.quoteOf} />}
          {post.kind === 'deal' && <DealPostCard dealId={post.id} sourcePostId={item.id} />}
          {post.kind === 'rfp' && <RfpPostCard requestId={post.id} />}
          {highlighted && (
            <p className="post-full-date">
              <time dateTime={post.createdAt}>{formatFull(post.createdAt)}</time>
            </p>
          )}
          <PostActions post={post} item={item} />
        </div>
      </div>
    </article>
  );
}
