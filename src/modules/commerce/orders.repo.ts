import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Settled } from '../../platform/db/group-batcher.ts';
import type {
  AddressesTable,
  OrderHistoryTable,
  OrderItemsTable,
  OrderStatus,
  OrdersTable,
} from './commerce.tables.ts';

export type OrderRow = Selectable<OrdersTable>;
export type OrderItemRow = Selectable<OrderItemsTable>;
export type OrderHistoryRow = Selectable<OrderHistoryTable>;

export type Precheck = { existing: { id: string; hash: string | null } | null; soldOut: boolean };

/**
 * Before charging, for a batch of checkouts: an earlier order with each one's Idempotency-Key, and whether its
 * deal is already sold out. One statement for the whole batch (see groupBatcher).
 */
export async function checkoutPrechecks(
  db: Executor,
  checks: { buyerId: string; key: string; dealId: string | null }[],
): Promise<Settled<Precheck>[]> {
  const { rows } = await sql<{ existing: Precheck['existing'] | string | null; sold_out: boolean | null }>`
    SELECT (SELECT json_build_object('id', o.id, 'hash', o.idempotency_hash) FROM orders o
              WHERE o.buyer_id = (c.v->>'buyerId')::uuid AND o.idempotency_key = c.v->>'key') AS existing,
           (SELECT d.quantity_cap IS NOT NULL AND d.sold >= d.quantity_cap FROM deals d
              WHERE d.id = (c.v->>'dealId')::uuid) AS sold_out
    FROM jsonb_array_elements(${JSON.stringify(checks)}::jsonb) WITH ORDINALITY AS c(v, n)
    ORDER BY c.n`.execute(db);
  return rows.map((r) => ({
    ok: true,
    value: {
      existing:
        typeof r.existing === 'string' ? (JSON.parse(r.existing) as Precheck['existing']) : r.existing,
      soldOut: r.sold_out === true,
    },
  }));
}

export type CreditedAttribution = {
  kind: 'direct' | 'post' | 'reshare' | 'referral';
  postId: string | null;
  chain: string[];
  referrerId: string | null;
};

/** The database's error for one order of a batch, shaped like the error a statement of its own would throw. */
export class OrderWriteError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail: string | null,
  ) {
    super(message);
  }
}

type WriteOutcome =
  | { ok: CreditedAttribution | string }
  | { sqlstate: string; message: string; detail: string | null };

/**
 * The whole write of a batch of orders in one statement and one commit (the database function in
 * place-orders.function.sql); answers each order's credited attribution or the error that order alone failed with.
 */
export async function placeOrders(
  db: Executor,
  payloads: Record<string, unknown>[],
): Promise<Settled<CreditedAttribution>[]> {
  const { rows } = await sql<{ outcomes: WriteOutcome[] | string }>`
    SELECT commerce_place_orders(${JSON.stringify(payloads)}::jsonb) AS outcomes`.execute(db);
  const value = rows[0].outcomes;
  const outcomes = typeof value === 'string' ? (JSON.parse(value) as WriteOutcome[]) : value;
  return outcomes.map((o) =>
    'ok' in o
      ? { ok: true, value: typeof o.ok === 'string' ? (JSON.parse(o.ok) as CreditedAttribution) : o.ok }
      : { ok: false, error: new OrderWriteError(o.sqlstate, o.message, o.detail) },
  );
}

export function findOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The order row locked for a state change, so two changes of one order cannot interleave. */
export function lockOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findByIdempotencyKey(
  db: Executor,
  buyerId: string,
  key: string,
): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('buyer_id', '=', buyerId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export function findByPaymentRef(db: Executor, ref: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('payment_ref', '=', ref).executeTakeFirst();
}

export function itemsOf(db: Executor, orderIds: string[]): Promise<OrderItemRow[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('order_items')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('line')
    .execute();
}

export function historyOf(db: Executor, orderIds: string[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('order_history').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute();
}

/** Records a state change; with an idempotency key, returns false when that key already recorded one. */
export async function addHistory(
  db: Executor,
  row: Omit<Insertable<OrderHistoryTable>, 'id' | 'at'>,
): Promise<boolean> {
  const inserted = await db
    .insertInto('order_history')
    .values({ note: null, amount_minor: null, idempotency_key: null, ...row })
    .onConflict((oc) =>
      oc.columns(['order_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function setStatus(
  db: Executor,
  id: string,
  status: OrderStatus,
  extra: { refunded_minor?: number; payment_ref?: string; expires_at?: Date | null } = {},
) {
  await db
    .updateTable('orders')
    .set({ status, updated_at: new Date(), ...extra })
    .where('id', '=', id)
    .execute();
}

export function listOrders(
  db: Executor,
  filter: { orgId?: string; buyerId?: string; status?: OrderStatus; dealId?: string },
  cursor: string | undefined,
  limit: number,
): Promise<OrderRow[]> {
  let q = db.selectFrom('orders').selectAll();
  if (filter.orgId) q = q.where('org_id', '=', filter.orgId);
  if (filter.buyerId) q = q.where('buyer_id', '=', filter.buyerId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.dealId) q = q.where('deal_id', '=', filter.dealId);
  if (cursor) q = q.where('id', '<', cursor);
  return q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Pending orders whose payment did not arrive in time (each is then cancelled under its own row lock). */
export function findExpired(db: Executor, limit: number): Promise<{ id: string }[]> {
  return db
    .selectFrom('orders')
    .select('id')
    .where('status', '=', 'pending')
    .where('expires_at', '<', new Date())
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

// --- addresses, cart, attribution ---

export function listAddresses(db: Executor, userId: string) {
  return db.selectFrom('addresses').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}

export function findAddress(db: Executor, userId: string, id: string) {
  return db
    .selectFrom('addresses')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAddress(db: Executor, row: Omit<Insertable<AddressesTable>, 'created_at'>) {
  await db.insertInto('addresses').values(row).execute();
}

export async function deleteAddress(db: Executor, userId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('addresses')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function cartOf(db: Executor, userId: string) {
  return db.selectFrom('cart_items').selectAll().where('user_id', '=', userId).orderBy('added_at').execute();
}

export async function setCartItem(
  db: Executor,
  userId: string,
  variantId: string,
  quantity: number,
): Promise<void> {
  if (quantity === 0) {
    await db
      .deleteFrom('cart_items')
      .where('user_id', '=', userId)
      .where('variant_id', '=', variantId)
      .execute();
    return;
  }
  await db
    .insertInto('cart_items')
    .values({ user_id: userId, variant_id: variantId, quantity })
    .onConflict((oc) => oc.columns(['user_id', 'variant_id']).doUpdateSet({ quantity }))
    .execute();
}

export async function removeFromCart(db: Executor, userId: string, variantIds: string[]): Promise<void> {
  if (variantIds.length)
    await db
      .deleteFrom('cart_items')
      .where('user_id', '=', userId)
      .where('variant_id', 'in', variantIds)
      .execute();
}

export function settingsOf(db: Executor, orgId: string) {
  return db.selectFrom('commerce_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function saveSettings(
  db: Executor,
  orgId: string,
  patch: {
    attribution_window_days?: number;
    attribution_model?: 'last_touch' | 'first_touch';
    prices_include_tax?: boolean;
    return_window_days?: number;
  },
) {
  await db
    .insertInto('commerce_settings')
    .values({ org_id: orgId, ...patch })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(patch))
    .execute();
}

/** A customer's history with one brand: what customer 360 and lifetime value stand on. */
export async function customerSummary(db: Executor, orgId: string, customerId: string) {
  const { rows } = await sql<{
    orders: number;
    spend: number;
    currency: string | null;
    first_at: Date | null;
    last_at: Date | null;
    deal_ids: string[] | null;
    last_order_id: string | null;
  }>`
    SELECT count(*) FILTER (WHERE status <> 'cancelled')::int AS orders,
      coalesce(sum(total_minor - refunded_minor) FILTER (WHERE status IN ('paid', 'fulfilled', 'refunded')), 0)::int AS spend,
      max(currency) AS currency, min(created_at) AS first_at, max(created_at) AS last_at,
      array_agg(DISTINCT deal_id) FILTER (WHERE deal_id IS NOT NULL AND status <> 'cancelled') AS deal_ids,
      (array_agg(id ORDER BY created_at DESC))[1] AS last_order_id
    FROM orders WHERE org_id = ${orgId} AND buyer_id = ${customerId}`.execute(db);
  return rows[0];
}
