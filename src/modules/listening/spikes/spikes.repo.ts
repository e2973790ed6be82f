import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ListeningTables, SpikeExplanation } from '../listening.tables.ts';

type Db = Executor<ListeningTables>;
type Window = { orgId: string; from: Date; to: Date };
const scope = (w: Window, match: Expression<SqlBool>) =>
  sql`m.org_id = ${w.orgId} AND m.posted_at >= ${w.from} AND m.posted_at < ${w.to} AND ${match}`;

/** Every topic of every brand, for the sweep. */
export function allTopics(db: Db) {
  return db.selectFrom('listening_topics').select(['id', 'org_id', 'name', 'query']).orderBy('id').execute();
}

/** Mentions per hour in the window, only the hours that have any. */
export async function hourlyCounts(db: Db, w: Window, match: Expression<SqlBool>) {
  const r = await sql<{ at: Date; count: string }>`
    SELECT date_trunc('hour', m.posted_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS at, count(*) AS count
    FROM listening_mentions m WHERE ${scope(w, match)} GROUP BY 1`.execute(db);
  return r.rows.map((row) => ({ at: new Date(row.at), count: Number(row.count) }));
}

/** How often each author wrote in the window (the most frequent first). */
export async function authorCounts(db: Db, w: Window, match: Expression<SqlBool>, limit: number) {
  const r = await sql<{ key: string; count: string }>`
    SELECT m.author_handle AS key, count(*) AS count FROM listening_mentions m WHERE ${scope(w, match)}
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`.execute(db);
  return r.rows.map((row) => ({ key: row.key, count: Number(row.count) }));
}

/** The window's most reshared mention (the earliest of equals). */
export async function topMention(db: Db, w: Window, match: Expression<SqlBool>) {
  const r = await sql<{ id: string; text: string; author_handle: string; reshares: number }>`
    SELECT m.id, m.text, m.author_handle, m.reshares FROM listening_mentions m WHERE ${scope(w, match)}
    ORDER BY m.reshares DESC, m.posted_at, m.id LIMIT 1`.execute(db);
  const row = r.rows[0];
  return row ? { id: row.id, text: row.text, authorHandle: row.author_handle, reshares: row.reshares } : null;
}

export type SpikeRow = {
  org_id: string;
  topic_id: string;
  started_at: Date;
  ended_at: Date;
  peak_at: Date;
  observed: number;
  expected: number;
  p_value: number;
  explanation: SpikeExplanation;
};

/**
 * Stores a spike: a stored spike of the topic that overlaps it is the same one, still growing (extended and
 * updated); otherwise a new row. Topic by topic under a lock, so two sweeps at once store it once.
 * Returns the row's id and whether it is new.
 */
export async function saveSpike(db: Db, id: string, row: SpikeRow) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`listening-spikes:${row.topic_id}`}))`.execute(db);
  const existing = await db
    .selectFrom('listening_spikes')
    .select(['id', 'started_at', 'ended_at'])
    .where('topic_id', '=', row.topic_id)
    .where('started_at', '<', row.ended_at)
    .where('ended_at', '>', row.started_at)
    .orderBy('started_at')
    .executeTakeFirst();
  const values = { ...row, explanation: JSON.stringify(row.explanation) };
  if (!existing) {
    await db
      .insertInto('listening_spikes')
      .values({ id, ...values })
      .execute();
    return { id, created: true };
  }
  await db
    .updateTable('listening_spikes')
    .set({
      ...values,
      started_at: new Date(Math.min(existing.started_at.getTime(), row.started_at.getTime())),
      ended_at: new Date(Math.max(existing.ended_at.getTime(), row.ended_at.getTime())),
      updated_at: new Date(),
    })
    .where('id', '=', existing.id)
    .execute();
  return { id: existing.id, created: false };
}

const SPIKE_COLUMNS = [
  'id',
  'topic_id',
  'started_at',
  'ended_at',
  'peak_at',
  'observed',
  'expected',
  'p_value',
  'explanation',
  'detected_at',
] as const;

/** A brand's spikes, newest first, of one topic or all. */
export function spikesOf(db: Db, orgId: string, topicId: string | null, limit: number) {
  let q = db.selectFrom('listening_spikes').select(SPIKE_COLUMNS).where('org_id', '=', orgId);
  if (topicId) q = q.where('topic_id', '=', topicId);
  return q.orderBy('started_at', 'desc').orderBy('id').limit(limit).execute();
}
