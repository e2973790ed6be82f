import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A multipart/form-data body with one file part, as a browser's FormData would send it. */
export function multipart(bytes: Buffer, filename = 'photo.jpg', type = 'image/jpeg') {
  const boundary = `----souk${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A JPEG of a colour gradient, `width`×`height`, optionally carrying EXIF (orientation, GPS). */
export async function jpeg(width = 1200, height = 800, exif?: { orientation?: number; gps?: boolean }) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#e07a5f"/><stop offset="1" stop-color="#3d405b"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  let image = sharp(Buffer.from(svg)).jpeg({ quality: 85 });
  if (exif)
    image = image
      .withExif({
        IFD0: { Make: 'SoukCam', Model: 'Test' },
        ...(exif.gps ? { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 0/1' } } : {}),
      })
      .withMetadata({ orientation: exif.orientation ?? 1 });
  return image.toBuffer();
}

export const png = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: '#2a9d8f' } })
    .png()
    .toBuffer();

/** A valid PNG whose header claims `width`×`height`: what a decompression bomb looks like before decoding. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await png(8, 8));
  // IHDR data starts at byte 16 (8 signature + 4 length + 4 type); its CRC covers type and data (17 bytes).
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)) >>> 0, 29);
  return bytes;
}
