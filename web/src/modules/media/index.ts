// The media module's door: uploads, the image picker with alt text, and the ways images are shown.
import './media.css';

export type { Media, MediaAttachment } from './api/media.api.ts';
/** A product's gallery (large image and thumbnails). */
export { Gallery } from './components/gallery.tsx';
/** Upload images with alt text; `mediaInputOf` turns the picked ones into what a write sends. */
export { ImagePicker, mediaInputOf, type PickedImage } from './components/image-picker.tsx';
/** The images of a post. */
export { MediaGrid } from './components/media-grid.tsx';
/** One uploaded image at the right variant, lazy, on its placeholder. */
export { MediaImage } from './components/media-image.tsx';
