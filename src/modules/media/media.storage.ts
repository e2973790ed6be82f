import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where image files live. Keys are content addresses (`<sha256>.webp`), so a write of an existing key is a
 * no-op and a stored file never changes.
 */
export type MediaStorage = {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The file's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
};

/** Files under a directory, two levels of fan-out by the key's first characters. */
export function diskStorage(dir: string): MediaStorage {
  const pathOf = (key: string) => path.join(dir, key.slice(0, 2), key);
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write aside then rename: a reader never sees half a file, and two writers of one key agree.
      const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, target);
    },
    async get(key) {
      try {
        return await fs.readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
