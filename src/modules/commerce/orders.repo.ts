import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Address, AttributionKind, OrderStatus } from './commerce.tables.ts';

export type OrderRow = {
  id: string;
  org_id: string;
  buyer_id: string;
  status: OrderStatus;
  currency: string;
  total_minor: number;
  refunded_minor: number;
  deal_id: string | null;
  payment_ref: string | null;
  shipping_address: Address;
  attribution_kind: AttributionKind;
  attribution_post_id: string | null;
  attribution_chain: string[];
  attribution_referrer_id: string | null;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
};
export type OrderItemRow = {
  order_id: string;
  line: number;
  product_id: string;
  variant_id: string;
  title: string;
  sku: string;
  quantity: number;
  unit_price_minor: number;
};

export type NewOrder = Omit<OrderRow, 'refunded_minor' | 'created_at' | 'updated_at'>;

/** Before charging: an earlier order with this Idempotency-Key, and whether the deal is already sold out. */
export async function checkoutPrecheck(db: Executor, buyerId: string, key: string, dealId: string | null) {
  const { rows } = await sql<{
    existing: { id: string; hash: string | null } | string | null;
    sold_out: boolean | null;
  }>`
    SELECT (SELECT json_build_object('id', id, 'hash', idempotency_hash) FROM orders WHERE buyer_id = ${buyerId} AND idempotency_key = ${key}) AS existing,
      (SELECT quantity_cap IS NOT NULL AND sold >= quantity_cap FROM deals WHERE id = ${dealId}::uuid) AS sold_out`.execute(
    db,
  );
  const existing = rows[0].existing;
  return {
    existing:
      typeof existing === 'string' ? (JSON.parse(existing) as { id: string; hash: string | null }) : existing,
    soldOut: rows[0].sold_out === true,
  };
}

export type CreditedAttribution = {
  kind: 'direct' | 'post' | 'reshare' | 'referral';
  postId: string | null;
  chain: string[];
  referrerId: string | null;
};

/** The whole write of an order in one statement (see the commerce_place_order migration); returns the attribution. */
export async function placeOrder(
  db: Executor,
  payload: Record<string, unknown>,
): Promise<CreditedAttribution> {
  const { rows } = await sql<{
    attribution: CreditedAttribution | string;
  }>`SELECT commerce_place_order(${JSON.stringify(payload)}::jsonb) AS attribution`.execute(db);
  const value = rows[0].attribution;
  return typeof value === 'string' ? (JSON.parse(value) as CreditedAttribution) : value;
}

export function findOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    OrderRow | undefined
  >;
}

/** The order row locked for a state change, so two changes of one order cannot interleave. */
export function lockOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst() as Promise<
    OrderRow | undefined
  >;
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
    .executeTakeFirst() as Promise<OrderRow | undefined>;
}

export function findByPaymentRef(db: Executor, ref: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('payment_ref', '=', ref).executeTakeFirst() as Promise<
    OrderRow | undefined
  >;
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
  row: {
    order_id: string;
    status: string;
    actor_id: string | null;
    note?: string | null;
    amount_minor?: number | null;
    idempotency_key?: string | null;
  },
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
    .execute() as Promise<OrderRow[]>;
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

export async function insertAddress(
  db: Executor,
  row: {
    id: string;
    user_id: string;
    name: string;
    line1: string;
    line2: string;
    city: string;
    postal_code: string;
    country: string;
  },
) {
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
  patch: { attribution_window_days?: number; attribution_model?: 'last_touch' | 'first_touch' },
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
