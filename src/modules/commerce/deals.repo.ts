import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DealItemsTable, DealsTable } from './commerce.tables.ts';

const dealColumns = [
  'id',
  'org_id',
  'type',
  'value_minor',
  'percent_off',
  'currency',
  'starts_at',
  'ends_at',
  'quantity_cap',
  'sold',
  'per_customer_limit',
  'audience',
  'guard_override_reason',
  'impressions',
  'clicks',
  'created_at',
  'announce_early',
  'title',
  'ended_early_at',
  'early_audience',
  'early_starts_at',
] as const;

/** A deal as its readers use it: every column but who created it and who overrode the guard. */
export type DealRow = Pick<Selectable<DealsTable>, (typeof dealColumns)[number]>;

export function findDeals(db: Executor, ids: string[]): Promise<DealRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('deals').select(dealColumns).where('id', 'in', ids).execute();
}

export function listOrgDeals(db: Executor, orgId: string, limit: number): Promise<DealRow[]> {
  return db
    .selectFrom('deals')
    .select(dealColumns)
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export function dealItems(db: Executor, dealIds: string[]) {
  if (dealIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('deal_items').selectAll().where('deal_id', 'in', dealIds).execute();
}

export async function insertDeal(
  db: Executor,
  deal: Omit<Insertable<DealsTable>, 'sold' | 'impressions' | 'clicks' | 'created_at' | 'ended_early_at'>,
  items: Omit<Insertable<DealItemsTable>, 'deal_id'>[],
): Promise<void> {
  await db.insertInto('deals').values(deal).execute();
  await db
    .insertInto('deal_items')
    .values(items.map((i) => ({ deal_id: deal.id, ...i })))
    .execute();
}

export async function countImpressions(db: Executor, ids: string[]): Promise<void> {
  if (ids.length)
    await sql`UPDATE deals SET impressions = impressions + 1 WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`.execute(
      db,
    );
}

/** Counts a click on Buy; a signed-in clicker's click is also kept, so the orders that follow it can be told. */
export async function countClick(db: Executor, id: string, accountId: string | null): Promise<void> {
  await sql`WITH d AS (UPDATE deals SET clicks = clicks + 1 WHERE id = ${id} RETURNING id)
    INSERT INTO deal_clicks (deal_id, account_id)
    SELECT d.id, ${accountId}::uuid FROM d WHERE ${accountId}::uuid IS NOT NULL`.execute(db);
}

/** How many units of each deal this buyer has bought. */
export async function boughtBy(
  db: Executor,
  dealIds: string[],
  buyerId: string,
): Promise<Map<string, number>> {
  if (dealIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('deal_purchases')
    .select(['deal_id', 'quantity'])
    .where('deal_id', 'in', dealIds)
    .where('buyer_id', '=', buyerId)
    .execute();
  return new Map(rows.map((r) => [r.deal_id, r.quantity]));
}

/** Gives back what a cancelled or refunded order claimed. */
export async function releaseDeal(
  db: Executor,
  dealId: string,
  buyerId: string,
  units: number,
): Promise<void> {
  await sql`UPDATE deals SET sold = greatest(sold - ${units}, 0) WHERE id = ${dealId}`.execute(db);
  await sql`UPDATE deal_purchases SET quantity = greatest(quantity - ${units}, 0) WHERE deal_id = ${dealId} AND buyer_id = ${buyerId}`.execute(
    db,
  );
}
