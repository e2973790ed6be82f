import { Link } from 'react-router';
import { VerifiedMark } from '../../../shared/ui/account-badges.tsx';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { RelativeTime } from '../../../shared/ui/relative-time.tsx';
import { MediaImage } from '../../media/index.ts';
import type { OriginalPost, QuotedPost } from '../api/social.types.ts';

/** A post as the card a quote of it shows. */
export const quotedOf = (post: OriginalPost): QuotedPost => ({
  id: post.id,
  available: true,
  author: post.author,
  text: post.text,
  media: post.media,
  createdAt: post.createdAt,
});

/**
 * The post a quote quotes, as a bordered card: author, text and its first image, linking to the post. A quoted post
 * that was deleted or is hidden from the reader shows as unavailable, with nothing of it.
 */
export function QuotedCard({ quote, linked = true }: { quote: QuotedPost; linked?: boolean }) {
  if (!quote.available || !quote.author || !quote.id) {
    return (
      <div className="quoted-card quoted-unavailable" data-testid="quoted-card" data-available="false">
        This post is unavailable.
      </div>
    );
  }
  const image = quote.media[0];
  const body = (
    <>
      <div className="quoted-header">
        <Avatar account={quote.author} size={20} />
        <span className="post-author-name truncate">{quote.author.name}</span>
        {quote.author.verified && <VerifiedMark />}
        <span className="handle truncate">@{quote.author.handle}</span>
        {quote.createdAt && (
          <>
            <span className="dot" aria-hidden="true">
              ·
            </span>
            <RelativeTime iso={quote.createdAt} />
          </>
        )}
      </div>
      {quote.text && <p className="quoted-text">{quote.text}</p>}
      {image && (
        <MediaImage
          media={image}
          alt={image.alt}
          sizes="(max-width: 600px) 90vw, 520px"
          className="quoted-image"
        />
      )}
    </>
  );
  return linked ? (
    <Link
      to={`/posts/${quote.id}`}
      className="quoted-card"
      data-testid="quoted-card"
      data-available="true"
      aria-label={`Quoted post by ${quote.author.name}`}
    >
      {body}
    </Link>
  ) : (
    <div className="quoted-card" data-testid="quoted-card" data-available="true">
      {body}
    </div>
  );
}
