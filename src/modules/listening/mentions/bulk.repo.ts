import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ListeningTables } from '../listening.tables.ts';

type Db = Executor<ListeningTables>;

/** How many mentions a brand has stored. */
export async function countMentions(db: Db, orgId: string) {
  const r = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM listening_mentions WHERE org_id = ${orgId}`.execute(db);
  return Number(r.rows[0].n);
}

/** The raw statement a topic page cannot beat: counting a brand's mentions of a window through the time index. */
export async function countWindow(db: Db, orgId: string, from: Date, to: Date) {
  const r = await sql<{ n: string }>`
    SELECT count(*) AS n FROM listening_mentions
    WHERE org_id = ${orgId} AND posted_at >= ${from} AND posted_at < ${to}`.execute(db);
  return Number(r.rows[0].n);
}

/**
 * Copies `limit` of one brand's mentions, spread over its whole history (ordered by a hash of the external id), to
 * another (set-based, for benchmarks at a smaller scale).
 */
export async function copyMentions(db: Db, fromOrg: string, toOrg: string, limit: number) {
  await sql`
    INSERT INTO listening_mentions (id, org_id, source, external_id, post_id, text, author_handle, author_followers,
      language, posted_at, url, in_reply_to, reshares, hashtags, mentions, has_link, sentiment, intent, products,
      competitors, import_id)
    SELECT gen_random_uuid(), ${toOrg}::uuid, source, external_id, post_id, text, author_handle, author_followers,
      language, posted_at, url, in_reply_to, reshares, hashtags, mentions, has_link, sentiment, intent, products,
      competitors, import_id
    FROM listening_mentions WHERE org_id = ${fromOrg}::uuid ORDER BY md5(external_id) LIMIT ${limit}`.execute(
    db,
  );
  await sql`ANALYZE listening_mentions`.execute(db);
}
