import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export type BuyerFacts = {
  buyer_id: string;
  orders: number;
  spend: number;
  currency: string | null;
  first_at: Date | null;
  last_at: Date | null;
};

/** Every buyer of a brand with their orders and spend net of refunds (the inputs of lifetime value). */
export async function buyerFacts(db: Executor, orgId: string): Promise<BuyerFacts[]> {
  const { rows } = await sql<BuyerFacts>`
    SELECT buyer_id, count(*)::int AS orders,
      coalesce(sum(total_minor - refunded_minor) FILTER (WHERE status IN ('paid', 'fulfilled', 'refunded')), 0)::int AS spend,
      max(currency) AS currency, min(created_at) AS first_at, max(created_at) AS last_at
    FROM orders WHERE org_id = ${orgId} AND status <> 'cancelled' AND status <> 'pending'
    GROUP BY buyer_id`.execute(db);
  return rows;
}

export type ReferralFacts = { referrer_id: string; touched: number; converted: number };

/**
 * Per referrer: how many distinct people arrived through their referral link for this brand, and how many of
 * those placed a paid order attributed to them.
 */
export async function referralFacts(db: Executor, orgId: string): Promise<ReferralFacts[]> {
  const { rows } = await sql<ReferralFacts>`
    WITH touched AS (
      SELECT referrer_id, count(DISTINCT buyer_id)::int AS touched FROM attribution_touches
      WHERE org_id = ${orgId} AND kind = 'referral' AND referrer_id IS NOT NULL GROUP BY referrer_id
    ), converted AS (
      SELECT attribution_referrer_id AS referrer_id, count(DISTINCT buyer_id)::int AS converted FROM orders
      WHERE org_id = ${orgId} AND attribution_referrer_id IS NOT NULL AND status IN ('paid', 'fulfilled')
      GROUP BY attribution_referrer_id
    )
    SELECT coalesce(t.referrer_id, c.referrer_id) AS referrer_id, coalesce(t.touched, 0) AS touched,
      coalesce(c.converted, 0) AS converted
    FROM touched t FULL JOIN converted c ON c.referrer_id = t.referrer_id`.execute(db);
  return rows;
}

export type ReshareSale = { chain: string[]; total: number };

/** Paid orders of a brand that came through a reshare chain (author ids, original first) and their value. */
export async function reshareSales(db: Executor, orgId: string): Promise<ReshareSale[]> {
  const rows = await db
    .selectFrom('orders')
    .select(['attribution_chain as chain', sql<number>`(total_minor - refunded_minor)`.as('total')])
    .where('org_id', '=', orgId)
    .where('attribution_kind', '=', 'reshare')
    .where('status', 'in', ['paid', 'fulfilled'])
    .execute();
  return rows.map((r) => ({ chain: r.chain, total: Number(r.total) }));
}

export type OrderReferralFacts = {
  buyer_id: string;
  attribution_kind: string;
  attribution_chain: string[];
  /** The buyer's other orders with this brand placed before this one (cancelled ones do not count). */
  earlier_orders: number;
  /** The order ships to an address the given person has saved or shipped to before. */
  same_address: boolean;
};

/** What the referral rules need to know of one order: was it the buyer's first, does it ship to the referrer. */
export async function orderReferralFacts(
  db: Executor,
  orderId: string,
  referrerId: string | null,
): Promise<OrderReferralFacts | undefined> {
  const { rows } = await sql<OrderReferralFacts>`
    WITH o AS (
      SELECT id, org_id, buyer_id, created_at, attribution_kind, attribution_chain,
        lower(regexp_replace(shipping_address->>'line1', '\\s+', ' ', 'g')) AS line1,
        upper(replace(shipping_address->>'postalCode', ' ', '')) AS postal,
        upper(shipping_address->>'country') AS country
      FROM orders WHERE id = ${orderId}
    )
    SELECT o.buyer_id, o.attribution_kind, o.attribution_chain,
      (SELECT count(*)::int FROM orders p WHERE p.org_id = o.org_id AND p.buyer_id = o.buyer_id
        AND p.id <> o.id AND p.status <> 'cancelled' AND p.created_at <= o.created_at) AS earlier_orders,
      (EXISTS (SELECT 1 FROM addresses a WHERE a.user_id = ${referrerId}
          AND lower(regexp_replace(a.line1, '\\s+', ' ', 'g')) = o.line1
          AND upper(replace(a.postal_code, ' ', '')) = o.postal AND upper(a.country) = o.country)
        OR EXISTS (SELECT 1 FROM orders r WHERE r.buyer_id = ${referrerId}
          AND lower(regexp_replace(r.shipping_address->>'line1', '\\s+', ' ', 'g')) = o.line1
          AND upper(replace(r.shipping_address->>'postalCode', ' ', '')) = o.postal
          AND upper(r.shipping_address->>'country') = o.country)) AS same_address
    FROM o`.execute(db);
  return rows[0];
}

export type OrderAttribution = {
  org_id: string;
  buyer_id: string;
  attribution_kind: string;
  attribution_post_id: string | null;
  attribution_chain: string[];
  attribution_referrer_id: string | null;
};

/** What one order is credited to (kind, the post clicked, the reshare chain's authors, the referrer). */
export function orderAttribution(db: Executor, orderId: string): Promise<OrderAttribution | undefined> {
  return db
    .selectFrom('orders')
    .select([
      'org_id',
      'buyer_id',
      'attribution_kind',
      'attribution_post_id',
      'attribution_chain',
      'attribution_referrer_id',
    ])
    .where('id', '=', orderId)
    .executeTakeFirst();
}
