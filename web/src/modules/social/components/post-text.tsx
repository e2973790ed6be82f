import { Link } from 'react-router';
import { safeHttpUrl } from '../../../shared/ui/safe-url.ts';
import type { PostEntities } from '../api/social.types.ts';
import { type Segment, segmentPost } from './post-segments.ts';

function SegmentView({ segment }: { segment: Segment }) {
  switch (segment.kind) {
    case 'mention':
      return (
        <Link to={`/@${segment.handle}`} className="mention">
          {segment.text}
        </Link>
      );
    case 'hashtag':
      return (
        <Link to={`/tags/${encodeURIComponent(segment.tag)}`} className="hashtag">
          {segment.text}
        </Link>
      );
    case 'link': {
      const href = safeHttpUrl(segment.url);
      if (!href) return <>{segment.text}</>;
      return (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="post-link" title={href}>
          {segment.text}
        </a>
      );
    }
    default:
      return <>{segment.text}</>;
  }
}

/** Post text as React text nodes and links only: HTML in a post shows as the characters it is. */
export function PostText({ text, entities }: { text: string; entities: PostEntities }) {
  const segments = segmentPost(text, entities);
  return (
    <div className="post-text" data-testid="post-text">
      {segments.map((segment, i) => (
        // Segments never reorder, so their position is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity of a segment
        <SegmentView key={i} segment={segment} />
      ))}
    </div>
  );
}
