import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** A stored file opened for reading: its bytes as a stream, and its length. */
export type StoredFile = { body: Readable; size?: number };

/**
 * Where image files live: a directory on disk (the default) or an S3-compatible bucket. Keys are content addresses
 * (`<sha256>.webp`), so a write of an existing key is a no-op and a stored file never changes. Both throw on a
 * storage that cannot be reached; the media service answers that with 503 `storage_unavailable`.
 */
export type MediaStorage = {
  /** Where files go, for the start log ("disk /srv/souk/media", "s3 bucket souk-media at …"). */
  readonly describe: string;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The file, streamed, or null when there is none. */
  open(key: string): Promise<StoredFile | null>;
};

/** Files under a directory, two levels of fan-out by the key's first characters. */
export function diskStorage(dir: string): MediaStorage {
  const pathOf = (key: string) => path.join(dir, key.slice(0, 2), key);
  return {
    describe: `disk ${dir}`,
    async put(key, bytes) {
      const target = pathOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write aside then rename: a reader never sees half a file, and two writers of one key agree.
      const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, target);
    },
    async open(key) {
      try {
        const handle = await fs.open(pathOf(key));
        const { size } = await handle.stat();
        return { body: createReadStream('', { fd: handle }), size };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
