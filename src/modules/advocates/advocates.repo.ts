import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { AdvocateRunsTable, AdvocateScoresTable, AdvocateSegmentsTable } from './advocates.tables.ts';

export type RunRow = Selectable<AdvocateRunsTable>;
export type ScoreRow = Selectable<AdvocateScoresTable>;
export type SegmentRow = Selectable<AdvocateSegmentsTable>;

export async function insertRun(db: Executor, row: Insertable<AdvocateRunsTable>): Promise<RunRow> {
  return db.insertInto('advocate_runs').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The brand's queued or running run, if any: a second request joins it instead of queueing another. */
export function openRun(db: Executor, orgId: string): Promise<RunRow | undefined> {
  return db
    .selectFrom('advocate_runs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('requested_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findRun(db: Executor, orgId: string, id: string): Promise<RunRow | undefined> {
  return db
    .selectFrom('advocate_runs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function latestRuns(db: Executor, orgId: string, limit: number): Promise<RunRow[]> {
  return db
    .selectFrom('advocate_runs')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('requested_at', 'desc')
    .limit(limit)
    .execute();
}

/** Claims every queued run (several server processes: each run goes to one of them). */
export async function claimQueued(db: Executor, now: Date): Promise<RunRow[]> {
  const { rows } = await sql<RunRow>`
    UPDATE advocate_runs SET status = 'running', started_at = ${now}
    WHERE id IN (SELECT id FROM advocate_runs WHERE status = 'queued' ORDER BY requested_at FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(db);
  return rows;
}

export async function finishRun(
  db: Executor,
  id: string,
  result: { status: 'done' | 'failed'; people?: number; communities?: number; error?: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('advocate_runs')
    .set({
      status: result.status,
      finished_at: now,
      people: result.people ?? null,
      communities: result.communities ?? null,
      error: result.error ?? null,
    })
    .where('id', '=', id)
    .execute();
}

/** Brands whose latest finished or open run was requested before `before` (or that never had one). */
export async function staleOrgs(db: Executor, orgIds: string[], before: Date): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const fresh = await db
    .selectFrom('advocate_runs')
    .select('org_id')
    .distinct()
    .where('org_id', 'in', orgIds)
    .where('requested_at', '>=', before)
    .where('status', '<>', 'failed')
    .execute();
  const skip = new Set(fresh.map((r) => r.org_id));
  return orgIds.filter((id) => !skip.has(id));
}

/** Replaces a brand's scores with a run's, in chunks (the caller holds a transaction). */
export async function replaceScores(db: Executor, orgId: string, rows: Insertable<AdvocateScoresTable>[]) {
  await db.deleteFrom('advocate_scores').where('org_id', '=', orgId).execute();
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('advocate_scores')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export type ScoreFilter = { community?: number; minScore?: number; topN?: number; bridges?: boolean };

/** The brand's advocates by descending score, filtered, one page after `after` (score, id). */
export async function listScores(
  db: Executor,
  orgId: string,
  filter: ScoreFilter,
  page: { after?: { score: number; accountId: string }; limit: number },
): Promise<ScoreRow[]> {
  let q = db.selectFrom('advocate_scores').selectAll().where('org_id', '=', orgId);
  if (filter.community !== undefined) q = q.where('community', '=', filter.community);
  if (filter.minScore !== undefined) q = q.where('score', '>=', filter.minScore);
  if (filter.bridges) q = q.where('bridge_diversity', 'is not', null);
  if (filter.topN !== undefined) {
    const cutoff = await topNCutoff(db, orgId, filter);
    if (cutoff === null) return [];
    q = q.where('score', '>=', cutoff);
  }
  if (page.after) {
    const { score, accountId } = page.after;
    q = q.where((eb) =>
      eb.or([eb('score', '<', score), eb.and([eb('score', '=', score), eb('account_id', '>', accountId)])]),
    );
  }
  return q.orderBy('score', 'desc').orderBy('account_id').limit(page.limit).execute();
}

/** Whether one person's score row passes the filter (a segment's rules). */
export async function matchesFilter(
  db: Executor,
  orgId: string,
  filter: ScoreFilter,
  accountId: string,
): Promise<boolean> {
  let q = db.selectFrom('advocate_scores').select('account_id').where('org_id', '=', orgId);
  q = q.where('account_id', '=', accountId);
  if (filter.community !== undefined) q = q.where('community', '=', filter.community);
  if (filter.minScore !== undefined) q = q.where('score', '>=', filter.minScore);
  if (filter.topN !== undefined) {
    const cutoff = await topNCutoff(db, orgId, filter);
    if (cutoff === null) return false;
    q = q.where('score', '>=', cutoff);
  }
  return (await q.executeTakeFirst()) !== undefined;
}

async function topNCutoff(db: Executor, orgId: string, filter: ScoreFilter): Promise<number | null> {
  let q = db.selectFrom('advocate_scores').select('score').where('org_id', '=', orgId);
  if (filter.community !== undefined) q = q.where('community', '=', filter.community);
  if (filter.minScore !== undefined) q = q.where('score', '>=', filter.minScore);
  const row = await q
    .orderBy('score', 'desc')
    .offset(Math.max(0, (filter.topN ?? 1) - 1))
    .limit(1)
    .executeTakeFirst();
  if (row) return row.score;
  // Fewer people than N: everyone matching counts.
  return filter.minScore ?? Number.NEGATIVE_INFINITY;
}

/** Community sizes among the brand's scored people, largest first. */
export async function communitySizes(db: Executor, orgId: string) {
  return db
    .selectFrom('advocate_scores')
    .select(['community', (eb) => eb.fn.countAll<number>().as('people')])
    .where('org_id', '=', orgId)
    .groupBy('community')
    .orderBy('people', 'desc')
    .orderBy('community')
    .execute();
}

export function scoreOf(db: Executor, orgId: string, accountId: string): Promise<ScoreRow | undefined> {
  return db
    .selectFrom('advocate_scores')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export async function insertSegment(
  db: Executor,
  row: Insertable<AdvocateSegmentsTable>,
): Promise<SegmentRow> {
  return db.insertInto('advocate_segments').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findSegmentByName(db: Executor, orgId: string, name: string) {
  return db
    .selectFrom('advocate_segments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export function findSegment(db: Executor, orgId: string, id: string): Promise<SegmentRow | undefined> {
  return db
    .selectFrom('advocate_segments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listSegments(db: Executor, orgId: string): Promise<SegmentRow[]> {
  return db.selectFrom('advocate_segments').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
}

export async function deleteSegment(db: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('advocate_segments')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
