import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ListeningTables, TagKind } from '../listening.tables.ts';

type Db = Executor<ListeningTables>;

const TOPIC_COLUMNS = ['id', 'name', 'kind', 'query', 'created_at'] as const;

/** A brand's topics (`tags`: its auto-tagging rules instead; `all`: both, which membership is kept for). */
export function topicsOf(db: Db, orgId: string, which: 'topics' | 'tags' | 'all' = 'topics') {
  let q = db.selectFrom('listening_topics').select(TOPIC_COLUMNS).where('org_id', '=', orgId);
  if (which === 'topics') q = q.where('kind', '<>', 'tag');
  if (which === 'tags') q = q.where('kind', '=', 'tag');
  return q.orderBy('created_at').orderBy('name').execute();
}

export function topicById(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('listening_topics')
    .select(TOPIC_COLUMNS)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTopic(
  db: Db,
  row: { id: string; org_id: string; name: string; kind: TagKind; query: string },
) {
  await db.insertInto('listening_topics').values(row).execute();
}

export async function updateTopic(
  db: Db,
  orgId: string,
  id: string,
  change: { name?: string; kind?: TagKind; query?: string },
): Promise<boolean> {
  const r = await db
    .updateTable('listening_topics')
    .set(change)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteTopic(db: Db, orgId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('listening_topics')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

type Window = { orgId: string; from: Date; to: Date };
const scope = (w: Window, match: Expression<SqlBool>) =>
  sql`m.org_id = ${w.orgId} AND m.posted_at >= ${w.from} AND m.posted_at < ${w.to} AND ${match}`;

/**
 * A topic's series (per bucket, with its sentiment split) and every voice's count (share of voice) in one pass over
 * the window: each query is evaluated once per mention, and mentions no voice matches are left to the indexes.
 */
export async function seriesAndCounts(
  db: Db,
  w: Window,
  matches: Expression<SqlBool>[],
  bucket: 'day' | 'hour',
) {
  const unit = bucket === 'day' ? sql`'day'` : sql`'hour'`;
  const flags = matches.map((m, i) => sql`(${m}) AS ${sql.ref(`t${i}`)}`);
  const counts = matches.map(
    (_, i) => sql`count(*) FILTER (WHERE ${sql.ref(`t${i}`)}) AS ${sql.ref(`c${i}`)}`,
  );
  const r = await sql<Record<string, string | number | Date | null>>`
    SELECT date_trunc(${unit}, x.posted_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS at,
           count(*) FILTER (WHERE x.t0 AND x.sentiment < -0.1) AS negative,
           count(*) FILTER (WHERE x.t0 AND x.sentiment > 0.1) AS positive,
           avg(x.sentiment) FILTER (WHERE x.t0)::float8 AS sentiment,
           ${sql.join(counts)}
    FROM (SELECT m.posted_at, m.sentiment, ${sql.join(flags)} FROM listening_mentions m
          WHERE ${scope(w, sql<SqlBool>`(${sql.join(matches, sql` OR `)})`)}) x
    GROUP BY 1 ORDER BY 1`.execute(db);
  const totals = matches.map((_, i) => r.rows.reduce((sum, row) => sum + Number(row[`c${i}`]), 0));
  const series = r.rows
    .filter((row) => Number(row.c0) > 0)
    .map((row) => ({
      at: new Date(row.at as Date),
      count: Number(row.c0),
      negative: Number(row.negative),
      positive: Number(row.positive),
      sentiment: Number(row.sentiment ?? 0),
    }));
  return { series, counts: totals };
}

/** The mentions' split by one plain column (intent, language). */
export async function breakdown(
  db: Db,
  w: Window,
  match: Expression<SqlBool>,
  by: 'intent' | 'language',
  limit = 20,
) {
  const column = by === 'intent' ? sql`m.intent` : sql`m.language`;
  const r = await sql<{ key: string; count: string }>`
    SELECT ${column} AS key, count(*) AS count FROM listening_mentions m WHERE ${scope(w, match)}
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`.execute(db);
  return r.rows.map((row) => ({ key: row.key, count: Number(row.count) }));
}

/** Authors by reach (their largest follower count seen), with how often they wrote. */
export async function topAuthors(db: Db, w: Window, match: Expression<SqlBool>, limit = 10) {
  const r = await sql<{ handle: string; followers: number | null; count: string }>`
    SELECT m.author_handle AS handle, max(m.author_followers) AS followers, count(*) AS count
    FROM listening_mentions m WHERE ${scope(w, match)}
    GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 3 DESC, 1 LIMIT ${limit}`.execute(db);
  return r.rows.map((row) => ({ handle: row.handle, followers: row.followers, count: Number(row.count) }));
}

export async function topHashtags(db: Db, w: Window, match: Expression<SqlBool>, limit = 15) {
  const r = await sql<{ tag: string; count: string }>`
    SELECT t.tag, count(*) AS count FROM listening_mentions m, unnest(m.hashtags) AS t(tag)
    WHERE ${scope(w, match)} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`.execute(db);
  return r.rows.map((row) => ({ key: row.tag, count: Number(row.count) }));
}

/** The words most used (lexemes of the search column), leaving out the given stop words. */
export async function topTerms(db: Db, w: Window, match: Expression<SqlBool>, stop: string[], limit = 20) {
  const r = await sql<{ term: string; count: string }>`
    SELECT t.term, count(*) AS count FROM listening_mentions m, unnest(tsvector_to_array(m.search)) AS t(term)
    WHERE ${scope(w, match)} AND length(t.term) > 2 AND t.term !~ '^[0-9]+$' AND NOT (t.term = ANY(${stop}::text[]))
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`.execute(db);
  return r.rows.map((row) => ({ key: row.term, count: Number(row.count) }));
}
