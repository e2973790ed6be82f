import { useState } from 'react';
import type { MediaAttachment } from '../api/media.api.ts';
import { MediaImage } from './media-image.tsx';

/** A product's images: the chosen one large, the others as thumbnails to pick. */
export function Gallery({ items }: { items: MediaAttachment[] }) {
  const [shown, setShown] = useState(0);
  const current = items[Math.min(shown, items.length - 1)];
  if (!current) return null;
  return (
    <div className="product-gallery-media" data-testid="product-gallery">
      <div className="product-gallery-main">
        <MediaImage media={current} alt={current.alt} sizes="(max-width: 600px) 100vw, 600px" eager />
      </div>
      {items.length > 1 && (
        <div className="product-gallery-thumbs">
          {items.map((m, i) => (
            <button
              key={m.id}
              type="button"
              aria-pressed={i === shown}
              aria-label={`Image ${i + 1}${m.alt ? `: ${m.alt}` : ''}`}
              onClick={() => setShown(i)}
            >
              <MediaImage media={m} alt="" sizes="56px" />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
