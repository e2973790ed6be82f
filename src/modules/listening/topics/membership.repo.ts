import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ListeningTables, TagKind } from '../listening.tables.ts';

type Db = Executor<ListeningTables>;

/** A topic or tag and its compiled query (a condition over `listening_mentions AS m`). */
export type Tagger = { id: string; match: Expression<SqlBool> };

/** Which stored mentions a tagging pass looks at: a batch by id, or an id range of the brand's mentions. */
export type TagScope = { ids: string[] } | { afterId: string | null; throughId: string | null };

/**
 * Stores which of the scoped mentions each tagger's query matches, and adds them to the daily rollup, in one
 * statement: every query is evaluated once per mention, by the database. A membership already stored is left as it
 * is and not counted twice, so a chunk or a batch may run again.
 */
export async function tagMentions(db: Db, orgId: string, taggers: Tagger[], scope: TagScope) {
  if (taggers.length === 0) return 0;
  const cases = taggers.map((t) => sql`CASE WHEN ${t.match} THEN ${t.id}::uuid END`);
  const where =
    'ids' in scope
      ? sql`m.id = ANY(${scope.ids}::uuid[])`
      : sql.join(
          [
            scope.afterId === null ? sql`true` : sql`m.id > ${scope.afterId}::uuid`,
            scope.throughId === null ? sql`true` : sql`m.id <= ${scope.throughId}::uuid`,
          ],
          sql` AND `,
        );
  const r = await sql<{ n: string }>`
    WITH tagged AS (
      INSERT INTO listening_mention_tags (topic_id, mention_id, org_id, posted_at, sentiment, intent)
      SELECT t.topic_id, m.id, m.org_id, m.posted_at, m.sentiment, m.intent
      FROM listening_mentions m CROSS JOIN LATERAL unnest(ARRAY[${sql.join(cases)}]) AS t(topic_id)
      WHERE m.org_id = ${orgId} AND ${where} AND t.topic_id IS NOT NULL
      ON CONFLICT DO NOTHING
      RETURNING topic_id, org_id, posted_at, sentiment, intent
    ), rolled AS (
      INSERT INTO listening_topic_days AS d
        (topic_id, day, intent, org_id, mentions, negative, positive, sentiment_sum)
      SELECT topic_id, (posted_at AT TIME ZONE 'UTC')::date, intent, org_id, count(*),
        count(*) FILTER (WHERE sentiment < -0.1), count(*) FILTER (WHERE sentiment > 0.1), sum(sentiment::float8)
      FROM tagged GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3
      ON CONFLICT (topic_id, day, intent) DO UPDATE SET mentions = d.mentions + excluded.mentions,
        negative = d.negative + excluded.negative, positive = d.positive + excluded.positive,
        sentiment_sum = d.sentiment_sum + excluded.sentiment_sum
      RETURNING mentions
    )
    SELECT (SELECT count(*) FROM tagged) AS n, (SELECT count(*) FROM rolled) AS days`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Serialises a brand's topic changes with its imports, as a foreign key would but once per batch: a batch being
 * stored shares the lock, so a topic created, changed or deleted meanwhile waits for the batch to commit (and its
 * backfill then sees the batch's mentions); a batch that starts meanwhile waits and then sees the change.
 */
export async function lockTopics(db: Db, orgId: string, mode: 'share' | 'exclusive') {
  const key = sql`hashtextextended(${`listening-topics:${orgId}`}, 0)`;
  await (mode === 'share'
    ? sql`SELECT pg_advisory_xact_lock_shared(${key})`
    : sql`SELECT pg_advisory_xact_lock(${key})`
  ).execute(db);
}

/** Forgets a topic's memberships and rollup (its query changed, or it is being deleted). */
export async function clearMembership(db: Db, orgId: string, topicId: string) {
  await db
    .deleteFrom('listening_mention_tags')
    .where('org_id', '=', orgId)
    .where('topic_id', '=', topicId)
    .execute();
  await db
    .deleteFrom('listening_topic_days')
    .where('org_id', '=', orgId)
    .where('topic_id', '=', topicId)
    .execute();
}

/** Removes up to `limit` membership rows of a deleted topic; returns how many went. */
export async function forgetChunk(db: Db, orgId: string, topicId: string, limit: number) {
  const r = await sql`
    DELETE FROM listening_mention_tags WHERE topic_id = ${topicId} AND org_id = ${orgId} AND mention_id IN (
      SELECT mention_id FROM listening_mention_tags WHERE topic_id = ${topicId} AND org_id = ${orgId} LIMIT ${limit}
    )`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** The next chunk of a brand's mentions after `afterId`, in id order: its last id and its size. */
export async function nextChunk(db: Db, orgId: string, afterId: string | null, size: number) {
  const r = await sql<{ id: string; n: string }>`
    SELECT id, count(*) OVER () AS n FROM (
      SELECT id FROM listening_mentions
      WHERE org_id = ${orgId} AND (${afterId}::uuid IS NULL OR id > ${afterId}::uuid)
      ORDER BY id LIMIT ${size}
    ) c ORDER BY id DESC LIMIT 1`.execute(db);
  const row = r.rows[0];
  return row ? { throughId: row.id, size: Number(row.n) } : null;
}

export async function startBackfill(
  db: Db,
  row: { topic_id: string; org_id: string; run_id: string; total: number },
) {
  await db
    .insertInto('listening_backfills')
    .values({ ...row, status: 'running', after_id: null, done: 0 })
    .onConflict((oc) =>
      oc.column('topic_id').doUpdateSet({
        run_id: row.run_id,
        status: 'running',
        after_id: null,
        done: 0,
        total: row.total,
        started_at: new Date(),
        finished_at: null,
      }),
    )
    .execute();
}

/** A topic's backfill, locked for the chunk that advances it. */
export function backfillForUpdate(db: Db, orgId: string, topicId: string) {
  return db
    .selectFrom('listening_backfills')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('topic_id', '=', topicId)
    .forUpdate()
    .executeTakeFirst();
}

export async function advanceBackfill(
  db: Db,
  topicId: string,
  change: { after_id: string | null; done: number; total: number; finished: boolean },
) {
  await db
    .updateTable('listening_backfills')
    .set({
      after_id: change.after_id,
      done: change.done,
      total: change.total,
      ...(change.finished ? { status: 'done' as const, finished_at: new Date() } : {}),
    })
    .where('topic_id', '=', topicId)
    .execute();
}

/** The backfills of a brand's topics and tags (progress for the API). */
export function backfillsOf(db: Db, orgId: string) {
  return db
    .selectFrom('listening_backfills')
    .select(['topic_id', 'status', 'done', 'total', 'started_at', 'finished_at'])
    .where('org_id', '=', orgId)
    .execute();
}

type Window = { orgId: string; from: Date; to: Date };
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Per topic and bucket: mentions, negative, positive and the sentiment sum. Whole UTC days come from the rollup
 * (O(days × topics) rows); the window's partial days at either end, and hourly buckets, from the membership rows
 * through their covering index.
 */
export async function volumes(db: Db, w: Window, topicIds: string[], bucket: 'day' | 'hour') {
  const DAY = 86_400_000;
  const firstDay = new Date(Math.ceil(w.from.getTime() / DAY) * DAY);
  const endDay = new Date(Math.floor(w.to.getTime() / DAY) * DAY);
  const whole = bucket === 'day' && firstDay < endDay;
  const label =
    bucket === 'day'
      ? sql`to_char((mt.posted_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD')`
      : sql`to_char(date_trunc('hour', mt.posted_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24":00:00Z"')`;
  const edges = sql`
    SELECT mt.topic_id, ${label} AS at, 1 AS n, (mt.sentiment < -0.1)::int AS neg, (mt.sentiment > 0.1)::int AS pos,
      mt.sentiment::float8 AS s
    FROM listening_mention_tags mt
    WHERE mt.topic_id = ANY(${topicIds}::uuid[]) AND mt.org_id = ${w.orgId}
      AND mt.posted_at >= ${w.from} AND mt.posted_at < ${w.to}
      ${whole ? sql`AND NOT (mt.posted_at >= ${firstDay} AND mt.posted_at < ${endDay})` : sql``}`;
  const days = sql`
    SELECT d.topic_id, to_char(d.day, 'YYYY-MM-DD') AS at, d.mentions AS n, d.negative AS neg, d.positive AS pos,
      d.sentiment_sum AS s
    FROM listening_topic_days d
    WHERE d.topic_id = ANY(${topicIds}::uuid[]) AND d.org_id = ${w.orgId}
      AND d.day >= ${isoDay(firstDay)}::date AND d.day < ${isoDay(endDay)}::date`;
  const r = await sql<{ topic_id: string; at: string; n: string; neg: string; pos: string; s: number }>`
    SELECT x.topic_id, x.at, sum(x.n) AS n, sum(x.neg) AS neg, sum(x.pos) AS pos, sum(x.s)::float8 AS s
    FROM (${edges} ${whole ? sql`UNION ALL ${days}` : sql``}) x
    GROUP BY 1, 2 ORDER BY 2`.execute(db);
  return r.rows.map((row) => ({
    topicId: row.topic_id,
    at: new Date(bucket === 'day' ? `${row.at}T00:00:00Z` : row.at),
    count: Number(row.n),
    negative: Number(row.neg),
    positive: Number(row.pos),
    sentimentSum: Number(row.s),
  }));
}

/** A topic's intent mix over the window, from the rollup and the partial days' membership rows. */
export async function intentMix(db: Db, w: Window, topicId: string, limit = 20) {
  const DAY = 86_400_000;
  const firstDay = new Date(Math.ceil(w.from.getTime() / DAY) * DAY);
  const endDay = new Date(Math.floor(w.to.getTime() / DAY) * DAY);
  const whole = firstDay < endDay;
  const r = await sql<{ key: string; count: string }>`
    SELECT x.intent AS key, sum(x.n) AS count FROM (
      SELECT mt.intent, 1 AS n FROM listening_mention_tags mt
      WHERE mt.topic_id = ${topicId} AND mt.org_id = ${w.orgId} AND mt.posted_at >= ${w.from} AND mt.posted_at < ${w.to}
        ${whole ? sql`AND NOT (mt.posted_at >= ${firstDay} AND mt.posted_at < ${endDay})` : sql``}
      ${
        whole
          ? sql`UNION ALL SELECT d.intent, d.mentions AS n FROM listening_topic_days d
        WHERE d.topic_id = ${topicId} AND d.org_id = ${w.orgId}
          AND d.day >= ${isoDay(firstDay)}::date AND d.day < ${isoDay(endDay)}::date`
          : sql``
      }
    ) x GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`.execute(db);
  return r.rows.map((row) => ({ key: row.key, count: Number(row.count) }));
}

/** Mentions that belong to a topic or tag (the drill-down and the tag filter of the mention list). */
export const taggedWith = (orgId: string, topicId: string) =>
  sql<SqlBool>`m.id IN (SELECT mt.mention_id FROM listening_mention_tags mt
    WHERE mt.topic_id = ${topicId} AND mt.org_id = ${orgId})`;

/** The topics and tags of each of these mentions. */
export async function tagsOfMentions(db: Db, orgId: string, mentionIds: string[]) {
  type Tag = { id: string; name: string; kind: TagKind };
  if (mentionIds.length === 0) return new Map<string, Tag[]>();
  // Topic by topic through the primary key (topic, mention): a brand has tens of topics, a page tens of mentions.
  const r = await sql<{ mention_id: string } & Tag>`
    SELECT mt.mention_id, t.id, t.name, t.kind FROM listening_topics t
    JOIN listening_mention_tags mt ON mt.topic_id = t.id AND mt.mention_id = ANY(${mentionIds}::uuid[])
    WHERE t.org_id = ${orgId}
    ORDER BY t.kind = 'tag', t.name`.execute(db);
  const out = new Map<string, Tag[]>();
  for (const row of r.rows) {
    const list = out.get(row.mention_id) ?? [];
    list.push({ id: row.id, name: row.name, kind: row.kind });
    out.set(row.mention_id, list);
  }
  return out;
}
