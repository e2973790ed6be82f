import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { AdvocateTierChangesTable } from '../advocates.tables.ts';

export function ladderRows(db: Executor, orgId: string) {
  return db
    .selectFrom('advocate_tiers')
    .select(['key', 'name', 'min_points', 'perks'])
    .where('org_id', '=', orgId)
    .orderBy('min_points')
    .execute();
}

/** Replaces the brand's whole ladder. */
export async function replaceLadder(
  db: Executor,
  orgId: string,
  tiers: { key: string; name: string; minPoints: number; perks: string }[],
) {
  await db.deleteFrom('advocate_tiers').where('org_id', '=', orgId).execute();
  await db
    .insertInto('advocate_tiers')
    .values(
      tiers.map((t) => ({
        org_id: orgId,
        key: t.key,
        name: t.name,
        min_points: t.minPoints,
        perks: t.perks,
      })),
    )
    .execute();
}

/** A person's points with a brand since `since`, and whether they have any ledger entry at all. */
export async function pointsSince(db: Executor, orgId: string, accountId: string, since: Date) {
  const row = await db
    .selectFrom('contribution_ledger')
    .select([
      sql<string>`coalesce(sum(points) FILTER (WHERE created_at >= ${since}), 0)`.as('points'),
      sql<string>`count(*)`.as('entries'),
    ])
    .where('org_id', '=', orgId)
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { points: Number(row.points), entries: Number(row.entries) };
}

/** The current tier row, locked so two entries at once record one move. */
export function lockState(db: Executor, orgId: string, accountId: string) {
  return db
    .selectFrom('advocate_tier_states')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('account_id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveState(
  db: Executor,
  orgId: string,
  accountId: string,
  tierKey: string,
  points: number,
  at: Date,
) {
  await db
    .insertInto('advocate_tier_states')
    .values({ org_id: orgId, account_id: accountId, tier_key: tierKey, points, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['org_id', 'account_id']).doUpdateSet({ tier_key: tierKey, points, updated_at: at }),
    )
    .execute();
}

export async function insertChange(db: Executor, row: Insertable<AdvocateTierChangesTable>) {
  await db.insertInto('advocate_tier_changes').values(row).execute();
}

/** Tier moves of a brand, newest first, one page after the (created_at, id) cursor. */
export function listChanges(
  db: Executor,
  orgId: string,
  after: { at: Date; id: string } | undefined,
  limit: number,
) {
  let q = db.selectFrom('advocate_tier_changes').selectAll().where('org_id', '=', orgId);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', after.at),
        eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)]),
      ]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Current tiers of these people: with one brand, or with every brand when `orgId` is null. */
export function statesOf(db: Executor, accountIds: string[], orgId: string | null) {
  if (accountIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('advocate_tier_states')
    .select(['org_id', 'account_id', 'tier_key', 'points'])
    .where('account_id', 'in', accountIds);
  if (orgId) q = q.where('org_id', '=', orgId);
  return q.execute();
}

/** The people whose current tier with the brand is one of `keys`. */
export async function membersIn(db: Executor, orgId: string, keys: string[]) {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('advocate_tier_states')
    .select('account_id')
    .where('org_id', '=', orgId)
    .where('tier_key', 'in', keys)
    .execute();
  return rows.map((r) => r.account_id);
}

/** People whose stored tier was computed before `before` and who still have points then: their points may have aged. */
export function staleStates(db: Executor, before: Date, limit: number) {
  return db
    .selectFrom('advocate_tier_states')
    .select(['org_id', 'account_id'])
    .where('updated_at', '<', before)
    .where('points', '>', 0)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}
