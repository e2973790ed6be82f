import type { Executor } from '../../platform/db/database.ts';

/** A paid order of the brand in a period with what it is attributed to, for crediting sales people. */
export type LedgerOrder = {
  id: string;
  total_minor: number;
  refunded_minor: number;
  currency: string;
  attribution_kind: string;
  attribution_post_id: string | null;
  attribution_referrer_id: string | null;
  created_at: Date;
};

/** The brand's orders that count as revenue (paid, fulfilled or refunded; the caller nets refunds) created in [from, to). */
export function ledgerOrders(db: Executor, orgId: string, from: Date, to: Date): Promise<LedgerOrder[]> {
  return db
    .selectFrom('orders')
    .select([
      'id',
      'total_minor',
      'refunded_minor',
      'currency',
      'attribution_kind',
      'attribution_post_id',
      'attribution_referrer_id',
      'created_at',
    ])
    .where('org_id', '=', orgId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('status', 'in', ['paid', 'fulfilled', 'refunded'])
    .orderBy('created_at')
    .execute() as Promise<LedgerOrder[]>;
}

/** Pricing facts of the brand's variants: list price, reseller floor, own-store exclusive, on sale. */
export function variantPricing(db: Executor, orgId: string, variantIds?: string[]) {
  let q = db
    .selectFrom('product_variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select([
      'v.id as variant_id',
      'v.name as variant_name',
      'p.id as product_id',
      'p.title',
      'p.price_minor',
      'p.currency',
      'p.reseller_floor_minor',
      'p.exclusive',
    ])
    .where('p.org_id', '=', orgId)
    .where('p.archived_at', 'is', null);
  if (variantIds) {
    if (variantIds.length === 0) return Promise.resolve([]);
    q = q.where('v.id', 'in', variantIds);
  }
  return q.orderBy('p.title').orderBy('v.position').limit(2000).execute();
}

/** Orders of the brand by id with what they are worth now (total less refunds) and their status. */
export function ordersNow(db: Executor, orgId: string, orderIds: string[]) {
  if (orderIds.length === 0)
    return Promise.resolve([] as { id: string; net_minor: number; currency: string; status: string }[]);
  return db
    .selectFrom('orders')
    .select([
      'id',
      'currency',
      'status',
      (eb) => eb('total_minor', '-', eb.ref('refunded_minor')).as('net_minor'),
    ])
    .where('org_id', '=', orgId)
    .where('id', 'in', orderIds)
    .execute();
}
