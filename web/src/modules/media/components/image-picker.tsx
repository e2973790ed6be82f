import { useId, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { type Media, uploadImage } from '../api/media.api.ts';
import { MediaImage } from './media-image.tsx';

export type PickedImage = { media: Media; alt: string };

type ImagePickerProps = {
  items: PickedImage[];
  onChange(items: PickedImage[]): void;
  max: number;
  /** Handle of the org the images are for; the caller's own when unset. */
  as?: string;
  label?: string;
};

const ALT_MAX = 1500;

/** Adds images by upload (each checked by the server), with an alt text field for each and a remove button. */
export function ImagePicker({ items, onChange, max, as, label = 'Add images' }: ImagePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();

  const add = async (files: FileList | null) => {
    if (!files) return;
    setError(null);
    const chosen = [...files].slice(0, Math.max(0, max - items.length));
    if (files.length > chosen.length) setError(`At most ${max} images.`);
    setBusy((n) => n + chosen.length);
    const added: PickedImage[] = [];
    for (const file of chosen) {
      try {
        added.push({ media: await uploadImage(file, as), alt: '' });
      } catch (err) {
        setError(`${file.name}: ${err instanceof ApiError ? err.message : 'upload failed'}`);
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (added.length) onChange([...items, ...added]);
    if (input.current) input.current.value = '';
  };

  return (
    <div className="image-picker">
      {items.length > 0 && (
        <ul className="image-picker-list">
          {items.map((item, i) => (
            <li key={item.media.id} className="image-picker-item" data-testid="picked-image">
              <MediaImage
                media={item.media}
                alt={item.alt}
                sizes="96px"
                className="image-picker-thumb"
                eager
              />
              <div className="image-picker-fields">
                <label htmlFor={`${ids}-alt-${i}`} className="small">
                  Alt text{' '}
                  {item.alt.trim() === '' && (
                    <span className="image-picker-nudge">
                      — describe the image for people who cannot see it
                    </span>
                  )}
                </label>
                <input
                  id={`${ids}-alt-${i}`}
                  className="input"
                  value={item.alt}
                  maxLength={ALT_MAX}
                  placeholder="What does the image show?"
                  data-testid="image-alt"
                  onChange={(e) =>
                    onChange(items.map((x, j) => (j === i ? { ...x, alt: e.target.value } : x)))
                  }
                />
              </div>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={`Remove image ${i + 1}`}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="image-picker-bar">
        <label className={`btn btn-secondary btn-sm${items.length >= max ? ' is-disabled' : ''}`}>
          {busy > 0 ? 'Uploading…' : label}
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
            multiple={max > 1}
            className="visually-hidden"
            disabled={items.length >= max || busy > 0}
            data-testid="image-input"
            onChange={(e) => void add(e.target.files)}
          />
        </label>
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
    </div>
  );
}

/** What a write sends for picked images. */
export const mediaInputOf = (items: PickedImage[]) =>
  items.map((i) => ({ id: i.media.id, alt: i.alt.trim() }));
