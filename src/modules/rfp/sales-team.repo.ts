import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { CommissionTier, RfpSalesTargetsTable, RfpTables } from './rfp.tables.ts';

type Ex = Executor<RfpTables>;

export function targetsOf(db: Ex, orgId: string, month: string) {
  return db
    .selectFrom('rfp_sales_targets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('month', '=', month)
    .execute();
}

export async function upsertTarget(db: Ex, row: Insertable<RfpSalesTargetsTable>) {
  await db
    .insertInto('rfp_sales_targets')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'month', 'user_id']).doUpdateSet({
        revenue_minor: row.revenue_minor,
        currency: row.currency,
        pitches: row.pitches,
        first_response_seconds: row.first_response_seconds,
      }),
    )
    .execute();
}

export function commissionRules(db: Ex, orgId: string) {
  return db.selectFrom('rfp_commission_rules').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function upsertCommissionRules(db: Ex, orgId: string, baseBp: number, tiers: CommissionTier[]) {
  const values = { org_id: orgId, base_bp: baseBp, tiers: JSON.stringify(tiers), updated_at: new Date() };
  await db
    .insertInto('rfp_commission_rules')
    .values(values)
    .onConflict((oc) =>
      oc
        .column('org_id')
        .doUpdateSet({ base_bp: baseBp, tiers: values.tiers, updated_at: values.updated_at }),
    )
    .execute();
}

/** Each person's pitches for the brand in [from, to): how many, how fast, how many went far, and orders won. */
export async function pitchActivity(db: Ex, orgId: string, from: Date, to: Date) {
  const { rows } = await sql<{
    author_id: string;
    pitches: number;
    advanced: number;
    first_response_seconds: number | null;
    order_ids: string[];
  }>`
    SELECT p.author_id,
      count(*)::int AS pitches,
      count(*) FILTER (WHERE p.shortlisted OR p.status = 'won')::int AS advanced,
      avg(extract(epoch FROM p.created_at - r.created_at))::float8 AS first_response_seconds,
      coalesce(array_agg(r.order_id) FILTER (WHERE p.status = 'won' AND r.order_id IS NOT NULL), '{}') AS order_ids
    FROM rfp_pitches p JOIN rfp_requests r ON r.id = p.request_id
    WHERE p.org_id = ${orgId} AND p.created_at >= ${from} AND p.created_at < ${to}
    GROUP BY p.author_id`.execute(db);
  return rows;
}

/** Each person's quotes for the brand in [from, to): how many, and the orders of accepted ones. */
export async function quoteActivity(db: Ex, orgId: string, from: Date, to: Date) {
  const { rows } = await sql<{ author_id: string; quotes: number; order_ids: string[] }>`
    SELECT author_id, count(*)::int AS quotes,
      coalesce(array_agg(order_id) FILTER (WHERE order_id IS NOT NULL), '{}') AS order_ids
    FROM rfp_quotes
    WHERE org_id = ${orgId} AND created_at >= ${from} AND created_at < ${to}
    GROUP BY author_id`.execute(db);
  return rows;
}

/** Orders of the brand won by a pitch or a quote, whoever made it (any month), so the ledger can credit them. */
export async function creditedOrders(db: Ex, orgId: string, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  const { rows } = await sql<{ order_id: string; author_id: string; via: 'pitch' | 'quote' }>`
    SELECT r.order_id, p.author_id, 'pitch' AS via
      FROM rfp_requests r JOIN rfp_pitches p ON p.id = r.awarded_pitch_id
      WHERE p.org_id = ${orgId} AND r.order_id = ANY(${orderIds}::uuid[])
    UNION ALL
    SELECT order_id, author_id, 'quote' AS via FROM rfp_quotes
      WHERE org_id = ${orgId} AND order_id = ANY(${orderIds}::uuid[])`.execute(db);
  return rows;
}
