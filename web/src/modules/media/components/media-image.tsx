import type { Media } from '../api/media.api.ts';

type MediaImageProps = {
  media: Media;
  alt: string;
  /** The `sizes` attribute: how wide the image shows, so the browser picks a variant. */
  sizes: string;
  className?: string;
  eager?: boolean;
};

/** An uploaded image at the right variant for its size, on its blurred placeholder while it loads. */
export function MediaImage({ media, alt, sizes, className, eager }: MediaImageProps) {
  return (
    <img
      className={className ? `media-image ${className}` : 'media-image'}
      src={media.variants[Math.min(1, media.variants.length - 1)]?.url ?? media.url}
      srcSet={media.variants.map((v) => `${v.url} ${v.width}w`).join(', ')}
      sizes={sizes}
      width={media.width}
      height={media.height}
      alt={alt}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      style={{ backgroundImage: `url("${media.placeholder}")` }}
      data-testid="media-image"
    />
  );
}
