import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { RfpMarginRulesTable, RfpQuoteItemsTable, RfpQuotesTable, RfpTables } from './rfp.tables.ts';

type Ex = Executor<RfpTables>;
export type QuoteRow = Selectable<RfpQuotesTable>;
export type QuoteItemRow = Selectable<RfpQuoteItemsTable>;
export type MarginRuleRow = Selectable<RfpMarginRulesTable>;

export function marginRules(db: Ex, orgId: string, productIds?: string[]) {
  let q = db.selectFrom('rfp_margin_rules').selectAll().where('org_id', '=', orgId);
  if (productIds) {
    if (productIds.length === 0) return Promise.resolve([] as MarginRuleRow[]);
    q = q.where('product_id', 'in', productIds);
  }
  return q.execute();
}

export async function upsertMarginRule(db: Ex, row: Insertable<RfpMarginRulesTable>) {
  await db
    .insertInto('rfp_margin_rules')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'product_id']).doUpdateSet({
        cost_minor: row.cost_minor,
        min_margin_percent: row.min_margin_percent,
        min_price_minor: row.min_price_minor,
        updated_at: new Date(),
      }),
    )
    .execute();
}

export async function insertQuote(
  db: Ex,
  row: Insertable<RfpQuotesTable>,
  items: Omit<QuoteItemRow, 'quote_id'>[],
) {
  await db.insertInto('rfp_quotes').values(row).execute();
  await db
    .insertInto('rfp_quote_items')
    .values(items.map((i) => ({ ...i, quote_id: row.id })))
    .execute();
}

export async function deleteQuote(db: Ex, id: string) {
  await db.deleteFrom('rfp_quote_items').where('quote_id', '=', id).execute();
  await db.deleteFrom('rfp_quotes').where('id', '=', id).execute();
}

export function findQuote(db: Ex, id: string) {
  return db.selectFrom('rfp_quotes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function quoteItems(db: Ex, quoteIds: string[]) {
  if (quoteIds.length === 0) return Promise.resolve([] as QuoteItemRow[]);
  return db
    .selectFrom('rfp_quote_items')
    .selectAll()
    .where('quote_id', 'in', quoteIds)
    .orderBy('quote_id')
    .orderBy('line')
    .execute();
}

export function quotesOfConversations(db: Ex, orgId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return Promise.resolve([] as QuoteRow[]);
  return db
    .selectFrom('rfp_quotes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('conversation_id', 'in', conversationIds)
    .orderBy('created_at', 'desc')
    .execute();
}

/** The customer's quotes, newest first. */
export function quotesFor(db: Ex, customerId: string, limit: number) {
  return db
    .selectFrom('rfp_quotes')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Takes an open, unexpired quote for one acceptance; false when another holds it, it closed or it expired. */
export async function claimQuote(db: Ex, id: string, key: string): Promise<boolean> {
  const r = await db
    .updateTable('rfp_quotes')
    .set({ status: 'accepting', accept_key: key })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function releaseQuote(db: Ex, id: string, key: string) {
  await db
    .updateTable('rfp_quotes')
    .set({ status: 'open', accept_key: null })
    .where('id', '=', id)
    .where('status', '=', 'accepting')
    .where('accept_key', '=', key)
    .execute();
}

export async function completeQuote(db: Ex, id: string, orderId: string) {
  await db
    .updateTable('rfp_quotes')
    .set({ status: 'accepted', order_id: orderId, decided_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'accepting')
    .execute();
}

export async function declineQuote(db: Ex, id: string): Promise<boolean> {
  const r = await db
    .updateTable('rfp_quotes')
    .set({ status: 'declined', decided_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Quotes by state (expired: open past its expiry) and the revenue of accepted ones, for the RFP report. */
export async function quoteTotals(db: Ex, orgId: string) {
  const { rows } = await sql<{ state: string; n: number; currency: string; total: string }>`
    SELECT CASE WHEN status IN ('open', 'accepting') AND expires_at <= now() THEN 'expired'
                WHEN status = 'accepting' THEN 'open' ELSE status END AS state,
           currency, count(*)::int AS n, sum(total_minor)::int8 AS total
    FROM rfp_quotes WHERE org_id = ${orgId}
    GROUP BY 1, 2`.execute(db);
  return rows;
}
