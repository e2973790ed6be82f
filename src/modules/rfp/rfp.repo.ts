import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type {
  DmStatus,
  RfpPitchesTable,
  RfpPitchItemsTable,
  RfpRequestsTable,
  RfpTables,
} from './rfp.tables.ts';

type Ex = Executor<RfpTables>;
export type RequestRow = Selectable<RfpRequestsTable>;
export type PitchRow = Selectable<RfpPitchesTable>;
export type PitchItemRow = Selectable<RfpPitchItemsTable>;

export async function insertRequest(db: Ex, row: Insertable<RfpRequestsTable>, orgIds: string[]) {
  await db.insertInto('rfp_requests').values(row).execute();
  await db
    .insertInto('rfp_targets')
    .values(
      orgIds.map((org_id) => ({
        request_id: row.id,
        org_id,
        created_at: row.created_at as Date,
        deadline: row.deadline,
      })),
    )
    .execute();
}

export function findRequest(db: Ex, id: string) {
  return db.selectFrom('rfp_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function requestOfConversation(db: Ex, conversationId: string) {
  return db
    .selectFrom('rfp_requests')
    .select('id')
    .where('care_conversation_id', '=', conversationId)
    .executeTakeFirst();
}

export function findRequests(db: Ex, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as RequestRow[]);
  return db.selectFrom('rfp_requests').selectAll().where('id', 'in', ids).execute();
}

export async function requestsSince(db: Ex, authorId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('rfp_requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('author_id', '=', authorId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function targetsOf(db: Ex, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('rfp_targets')
    .select(['request_id', 'org_id', 'first_pitch_at', 'dm_status', 'dm_conversation_id'])
    .where('request_id', 'in', requestIds)
    .execute();
}

export async function isTarget(db: Ex, requestId: string, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('rfp_targets')
    .select('org_id')
    .where('request_id', '=', requestId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Closes a request to new pitches on every asked brand's queue. */
export async function closeTargets(db: Ex, requestId: string) {
  await db.updateTable('rfp_targets').set({ open: false }).where('request_id', '=', requestId).execute();
}

export async function withdrawRequest(db: Ex, id: string): Promise<boolean> {
  const r = await db
    .updateTable('rfp_requests')
    .set({ status: 'withdrawn', closed_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/**
 * Takes the request for one award: only one caller turns it from open to awarding (a row lock serialises the
 * rest, who then see it is no longer open). Past the deadline nobody can.
 */
export async function claimAward(db: Ex, id: string, pitchId: string, key: string): Promise<boolean> {
  const r = await db
    .updateTable('rfp_requests')
    .set({ status: 'awarding', awarded_pitch_id: pitchId, award_key: key })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('deadline', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** The order was not taken (card declined, sold out): the request opens again. */
export async function releaseAward(db: Ex, id: string, key: string) {
  await db
    .updateTable('rfp_requests')
    .set({ status: 'open', awarded_pitch_id: null, award_key: null })
    .where('id', '=', id)
    .where('status', '=', 'awarding')
    .where('award_key', '=', key)
    .execute();
}

export async function completeAward(db: Ex, id: string, pitchId: string, orderId: string) {
  await db
    .updateTable('rfp_requests')
    .set({ status: 'awarded', order_id: orderId, closed_at: new Date() })
    .where('id', '=', id)
    .execute();
  await db
    .updateTable('rfp_pitches')
    .set({ status: 'won', updated_at: new Date() })
    .where('id', '=', pitchId)
    .execute();
  return db
    .updateTable('rfp_pitches')
    .set({ status: 'lost', updated_at: new Date() })
    .where('request_id', '=', id)
    .where('id', '<>', pitchId)
    .where('status', 'in', ['active', 'declined'])
    .returning('org_id')
    .execute();
}

export function pitchesOf(db: Ex, requestId: string) {
  return db
    .selectFrom('rfp_pitches')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('status', '<>', 'withdrawn')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function itemsOf(db: Ex, pitchIds: string[]) {
  if (pitchIds.length === 0) return Promise.resolve([] as PitchItemRow[]);
  return db
    .selectFrom('rfp_pitch_items')
    .selectAll()
    .where('pitch_id', 'in', pitchIds)
    .orderBy('pitch_id')
    .orderBy('line')
    .execute();
}

export function findPitch(db: Ex, id: string) {
  return db.selectFrom('rfp_pitches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPitch(
  db: Ex,
  row: Insertable<RfpPitchesTable>,
  items: Omit<PitchItemRow, 'pitch_id'>[],
) {
  await db.insertInto('rfp_pitches').values(row).execute();
  await replaceItems(db, row.id, items);
  await db
    .updateTable('rfp_targets')
    .set({ first_pitch_at: new Date() })
    .where('request_id', '=', row.request_id)
    .where('org_id', '=', row.org_id)
    .where('first_pitch_at', 'is', null)
    .execute();
}

export async function replaceItems(db: Ex, pitchId: string, items: Omit<PitchItemRow, 'pitch_id'>[]) {
  await db.deleteFrom('rfp_pitch_items').where('pitch_id', '=', pitchId).execute();
  if (items.length)
    await db
      .insertInto('rfp_pitch_items')
      .values(items.map((i) => ({ ...i, pitch_id: pitchId })))
      .execute();
}

export async function updatePitch(
  db: Ex,
  id: string,
  fields: Partial<Pick<PitchRow, 'title' | 'terms' | 'message' | 'total_minor' | 'currency'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('rfp_pitches')
    .set({ ...fields, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function setPitchState(
  db: Ex,
  id: string,
  fields: { status?: 'withdrawn' | 'declined'; shortlisted?: boolean; decline_reason?: string },
): Promise<boolean> {
  const r = await db
    .updateTable('rfp_pitches')
    .set({ ...fields, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export type QueueRow = RequestRow & {
  pitch_count: number;
  my_pitch_id: string | null;
  my_pitch_status: string | null;
};

/**
 * A brand's Sales queue: requests addressed to it, newest first. `open`: only those still taking pitches (the
 * partial index), else every request it was asked on.
 */
export async function queue(db: Ex, orgId: string, open: boolean, after: string | undefined, limit: number) {
  const [at, id] = after ? after.split('|') : [];
  let q = db
    .selectFrom('rfp_targets as t')
    .innerJoin('rfp_requests as r', 'r.id', 't.request_id')
    .leftJoin('rfp_pitches as p', (j) =>
      j
        .onRef('p.request_id', '=', 't.request_id')
        .on('p.org_id', '=', orgId)
        .on('p.status', '<>', 'withdrawn'),
    )
    .selectAll('r')
    .select([
      'p.id as my_pitch_id',
      'p.status as my_pitch_status',
      sql<number>`(SELECT count(*)::int FROM rfp_pitches c WHERE c.request_id = r.id AND c.status <> 'withdrawn')`.as(
        'pitch_count',
      ),
    ])
    .where('t.org_id', '=', orgId);
  if (open) q = q.where('t.open', '=', true).where('t.deadline', '>', sql<Date>`now()`);
  if (at)
    q = q.where((eb) =>
      eb.or([
        eb('t.created_at', '<', new Date(at)),
        eb.and([eb('t.created_at', '=', new Date(at)), eb('t.request_id', '<', id)]),
      ]),
    );
  return (await q
    .orderBy('t.created_at', 'desc')
    .orderBy('t.request_id', 'desc')
    .limit(limit + 1)
    .execute()) as QueueRow[];
}

/** Requests by one person, newest first. */
export function requestsBy(db: Ex, authorId: string, limit: number) {
  return db
    .selectFrom('rfp_requests')
    .selectAll()
    .where('author_id', '=', authorId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** The figures of a brand's RFP report, over every request it was asked on (and pitched on). */
export async function reportOf(db: Ex, orgId: string) {
  const {
    rows: [totals],
  } = await sql<{
    received: number;
    pitched: number;
    pitches: number;
    won: number;
    lost: number;
    first_pitch_seconds: number | null;
    moved_to_dm: number;
  }>`
    SELECT
      (SELECT count(*)::int FROM rfp_targets WHERE org_id = ${orgId}) AS received,
      (SELECT count(DISTINCT request_id)::int FROM rfp_pitches WHERE org_id = ${orgId}) AS pitched,
      (SELECT count(*)::int FROM rfp_pitches WHERE org_id = ${orgId}) AS pitches,
      (SELECT count(*)::int FROM rfp_pitches WHERE org_id = ${orgId} AND status = 'won') AS won,
      (SELECT count(*)::int FROM rfp_pitches WHERE org_id = ${orgId} AND status = 'lost') AS lost,
      (SELECT count(*)::int FROM rfp_targets WHERE org_id = ${orgId} AND dm_status = 'accepted') AS moved_to_dm,
      (SELECT avg(extract(epoch FROM first_pitch_at - created_at))::float8
         FROM rfp_targets WHERE org_id = ${orgId} AND first_pitch_at IS NOT NULL) AS first_pitch_seconds`.execute(
    db,
  );
  const revenue = await db
    .selectFrom('rfp_pitches')
    .select(['currency', sql<number>`sum(total_minor)::int8`.as('total')])
    .where('org_id', '=', orgId)
    .where('status', '=', 'won')
    .groupBy('currency')
    .execute();
  // Against whom: on every awarded request the brand pitched on, the other brands that pitched too.
  const { rows: rivals } = await sql<{ org_id: string; won: number; lost: number }>`
    SELECT o.org_id,
      count(*) FILTER (WHERE m.status = 'won')::int AS won,
      count(*) FILTER (WHERE m.status = 'lost' AND o.status = 'won')::int AS lost
    FROM rfp_pitches m
    JOIN rfp_pitches o ON o.request_id = m.request_id AND o.org_id <> m.org_id AND o.status IN ('won', 'lost')
    WHERE m.org_id = ${orgId} AND m.status IN ('won', 'lost')
    GROUP BY o.org_id
    ORDER BY count(*) DESC
    LIMIT 20`.execute(db);
  return { totals: totals!, revenue, rivals };
}

/** Moves a brand's invitation to continue by direct message from one state to another; false when it was not there. */
export async function setDm(
  db: Ex,
  requestId: string,
  orgId: string,
  from: DmStatus[],
  to: DmStatus,
  conversationId?: string,
): Promise<boolean> {
  const r = await db
    .updateTable('rfp_targets')
    .set({ dm_status: to, ...(conversationId ? { dm_conversation_id: conversationId } : {}) })
    .where('request_id', '=', requestId)
    .where('org_id', '=', orgId)
    .where('dm_status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
