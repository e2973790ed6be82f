import { v7 } from 'uuid';

/** Time-ordered opaque ids (UUIDv7): sorting by id sorts by creation time, which cursors rely on. */
export function newId(atMs?: number, random?: Uint8Array): string {
  return atMs === undefined && random === undefined ? v7() : v7({ msecs: atMs, random });
}
