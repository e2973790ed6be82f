import type { MediaAttachment } from '../api/media.api.ts';
import { MediaImage } from './media-image.tsx';

/** The images of a post: one large, or a grid of two to four, each with its alt text. */
export function MediaGrid({ items }: { items: MediaAttachment[] }) {
  if (items.length === 0) return null;
  return (
    <div className={`media-grid media-grid-${Math.min(items.length, 4)}`} data-testid="post-media">
      {items.map((m) => (
        <a key={m.id} href={m.url} target="_blank" rel="noreferrer" className="media-grid-cell">
          <MediaImage media={m} alt={m.alt} sizes="(max-width: 600px) 100vw, 560px" />
        </a>
      ))}
    </div>
  );
}
