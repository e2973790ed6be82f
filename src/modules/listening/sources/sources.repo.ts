import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ListeningSourcesTable, SourcesTables } from './sources.tables.ts';

type Db = Executor<SourcesTables>;
export type SourceRow = Awaited<ReturnType<typeof sourcesOf>>[number];

export async function insertSource(db: Db, row: Insertable<ListeningSourcesTable>) {
  return db.insertInto('listening_sources').values(row).returningAll().executeTakeFirstOrThrow();
}

export function sourcesOf(db: Db, orgId: string) {
  return db
    .selectFrom('listening_sources')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function sourceById(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('listening_sources')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteSource(db: Db, orgId: string, id: string) {
  const r = await db
    .deleteFrom('listening_sources')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  return Number(r[0]?.numDeletedRows ?? 0);
}

export function updateSource(db: Db, orgId: string, id: string, patch: Updateable<ListeningSourcesTable>) {
  return db
    .updateTable('listening_sources')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Claims sources due for a poll, skipping those another process holds, and leases them (their next poll moved
 * `leaseSeconds` ahead) so a poll that dies is retried after the lease rather than never.
 */
export async function claimDue(db: Db, now: Date, limit: number, leaseSeconds: number) {
  const r = await sql<Selectable<ListeningSourcesTable>>`
    UPDATE listening_sources SET next_poll_at = ${now}::timestamptz + make_interval(secs => ${leaseSeconds})
    WHERE id IN (
      SELECT id FROM listening_sources WHERE enabled AND next_poll_at <= ${now}
      ORDER BY next_poll_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(db);
  return r.rows;
}

/** Leases one source for a poll asked for by hand (two polls at once would still store each status once). */
export async function claimOne(db: Db, orgId: string, id: string, now: Date, leaseSeconds: number) {
  const r = await sql<Selectable<ListeningSourcesTable>>`
    UPDATE listening_sources SET next_poll_at = ${now}::timestamptz + make_interval(secs => ${leaseSeconds})
    WHERE org_id = ${orgId} AND id = ${id}
    RETURNING *`.execute(db);
  return r.rows[0];
}

/** The outcome of a poll on its source (the mentions it stored were counted page by page). */
export async function recordPoll(db: Db, id: string, patch: Updateable<ListeningSourcesTable>) {
  await db.updateTable('listening_sources').set(patch).where('id', '=', id).execute();
}

/** Saves the cursor after each stored page, so a poll cut short resumes where it stopped. */
export async function saveCursor(db: Db, id: string, cursor: string, stored: number) {
  await db
    .updateTable('listening_sources')
    .set({ cursor, total_stored: sql`total_stored + ${stored}` })
    .where('id', '=', id)
    .execute();
}

/** An instance's rate limit holds for every source on it (the limit is per client address, not per source). */
export async function holdInstance(db: Db, instanceUrl: string, until: Date) {
  await db
    .updateTable('listening_sources')
    .set({ next_poll_at: sql`greatest(next_poll_at, ${until}::timestamptz)` })
    .where('instance_url', '=', instanceUrl)
    .where('enabled', '=', true)
    .execute();
}
