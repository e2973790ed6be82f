import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import { mediaError } from './media.errors.ts';

/** Largest upload accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Decompression-bomb guard: a small file may declare a huge canvas; refuse before decoding it. */
export const MAX_PIXELS = 40_000_000;
/** Widths of the stored WebP variants, largest first; an image is never enlarged. */
export const VARIANT_WIDTHS = [1600, 800, 320] as const;

const ACCEPTED: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

export type ProcessedFile = { key: string; bytes: Buffer; width: number; height: number };
export type ProcessedImage = {
  originalType: string;
  width: number;
  height: number;
  placeholder: string;
  files: ProcessedFile[];
};

/** The type of the bytes: file-type's reading of the signature, else sharp's (it knows a few more). */
async function detectType(bytes: Buffer): Promise<string> {
  const found = await fileTypeFromBuffer(bytes);
  if (found?.mime === 'image/avif' || found?.mime === 'image/heic') {
    // AVIF and HEIC share the HEIF container; sharp reads which codec it holds.
    const meta = await sharp(bytes)
      .metadata()
      .catch(() => undefined);
    if (meta?.format === 'heif' && meta.compression === 'av1') return 'image/avif';
    return found.mime;
  }
  if (found) return found.mime;
  return /^\s*</.test(bytes.subarray(0, 256).toString('utf8')) ? 'text/xml or html' : 'unknown';
}

const key = (bytes: Buffer) => `${createHash('sha256').update(bytes).digest('hex')}.webp`;

/**
 * Checks an upload by its bytes (never its name or declared type), then re-encodes it: turned upright by its
 * EXIF orientation, every metadata block (EXIF, GPS, XMP, ICC beyond sRGB) dropped, written as WebP at each
 * variant width, plus a tiny blurred placeholder.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0)
    throw mediaError('media_empty', 'The file is empty', [{ field: 'file', message: 'has zero bytes' }]);
  const type = await detectType(bytes);
  if (!Object.values(ACCEPTED).includes(type)) {
    throw mediaError(
      'media_type_unsupported',
      `The file is ${type}, not a JPEG, PNG, WebP, GIF or AVIF image`,
      [{ field: 'file', message: `is ${type}` }],
    );
  }
  const input = () => sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'truncated' });
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw mediaError('media_unreadable', 'The image cannot be read', [
      { field: 'file', message: 'is corrupt' },
    ]);
  }
  if (!meta.width || !meta.height) {
    throw mediaError('media_unreadable', 'The image has no size', [{ field: 'file', message: 'is corrupt' }]);
  }
  if (meta.width * meta.height > MAX_PIXELS) {
    throw mediaError(
      'media_too_many_pixels',
      `The image is ${meta.width}×${meta.height}; at most ${MAX_PIXELS / 1_000_000} megapixels are accepted`,
      [{ field: 'file', message: 'has too many pixels' }],
    );
  }
  try {
    // Decode once, upright, into raw pixels; every variant is resized from that.
    const { data, info } = await input().rotate().raw().toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
    const files: ProcessedFile[] = [];
    for (const width of new Set(VARIANT_WIDTHS.map((w) => Math.min(w, info.width)))) {
      const { data: out, info: o } = await sharp(data, raw)
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      files.push({ key: key(out), bytes: out, width: o.width, height: o.height });
    }
    const tiny = await sharp(data, raw).resize({ width: 16 }).blur(1).webp({ quality: 40 }).toBuffer();
    return {
      originalType: type,
      width: info.width,
      height: info.height,
      placeholder: `data:image/webp;base64,${tiny.toString('base64')}`,
      files,
    };
  } catch (err) {
    throw mediaError(
      'media_unreadable',
      `The image cannot be decoded: ${(err as Error).message.split('\n')[0]}`,
      [{ field: 'file', message: 'is truncated or corrupt' }],
    );
  }
}
