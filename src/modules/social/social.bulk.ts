import type { Executor } from '../../platform/db/database.ts';
import * as repo from './social.repo.ts';

export type { BulkFollow, BulkHomeEntry, BulkLike, BulkPost } from './social.repo.ts';

/**
 * Bulk loading of follows, posts, likes and home timelines, for the demo world and imports: many rows per
 * statement, in the caller's transaction, with no checks and no events (the rows are history, not news); every
 * row must be new. Everything else goes through the module's services.
 */
export const socialBulk = {
  /** Inserts follows in one statement. */
  insertFollows: (trx: Executor, rows: repo.BulkFollow[]) => repo.bulkInsertFollows(trx, rows),
  /**
   * Inserts posts with their mentions and tags, counters as given; no home timeline rows (see insertHomeEntries).
   * Parents (replies, reshares) come earlier in `rows` or are stored already.
   */
  insertPosts: (trx: Executor, rows: repo.BulkPost[]) => repo.bulkInsertPosts(trx, rows),
  /** Inserts likes; the posts' like_count must already count them. */
  insertLikes: (trx: Executor, rows: repo.BulkLike[]) => repo.bulkInsertLikes(trx, rows),
  /** Writes home timeline entries chosen by the loader, which applies the audience rule itself. */
  insertHomeEntries: (trx: Executor, rows: repo.BulkHomeEntry[]) => repo.bulkInsertHomeEntries(trx, rows),
};
