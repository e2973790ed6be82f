import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

// Revenue counts what was paid and not refunded; cancelled orders count for nothing.
const revenue = sql`coalesce(sum(o.total_minor - o.refunded_minor) FILTER (WHERE o.status IN ('paid', 'fulfilled', 'refunded')), 0)::int`;
const scope = (orgId: string, dealId: string | null) =>
  dealId ? sql`o.org_id = ${orgId} AND o.deal_id = ${dealId}` : sql`o.org_id = ${orgId}`;

export async function totals(db: Executor, orgId: string, dealId: string | null) {
  const { rows } = await sql<{ orders: number; revenue: number; units: number; currency: string | null }>`
    SELECT count(*) FILTER (WHERE o.status <> 'cancelled')::int AS orders, ${revenue} AS revenue, max(o.currency) AS currency,
      coalesce((SELECT sum(i.quantity) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE ${scope(orgId, dealId)} AND o.status <> 'cancelled'), 0)::int AS units
    FROM orders o WHERE ${scope(orgId, dealId)}`.execute(db);
  return rows[0];
}

export async function reach(db: Executor, orgId: string, dealId: string | null) {
  const { rows } = await sql<{ impressions: number; clicks: number }>`
    SELECT coalesce(sum(impressions), 0)::int AS impressions, coalesce(sum(clicks), 0)::int AS clicks
    FROM deals WHERE org_id = ${orgId} AND (${dealId}::uuid IS NULL OR id = ${dealId}::uuid)`.execute(db);
  return rows[0];
}

/**
 * Orders that followed a recorded click on Buy: each order is matched to the latest click on its deal by its
 * buyer before it was placed. `clicks_converted` counts the clicks matched to at least one order, so it can
 * never exceed the clicks recorded.
 */
export async function afterClicks(db: Executor, orgId: string, dealId: string | null) {
  const { rows } = await sql<{ orders_after_click: number; clicks_converted: number }>`
    SELECT count(*)::int AS orders_after_click, count(DISTINCT c.id)::int AS clicks_converted
    FROM orders o
    JOIN LATERAL (
      SELECT c.id FROM deal_clicks c
      WHERE c.deal_id = o.deal_id AND c.account_id = o.buyer_id AND c.at <= o.created_at
      ORDER BY c.at DESC LIMIT 1
    ) c ON true
    WHERE ${scope(orgId, dealId)} AND o.status <> 'cancelled' AND o.deal_id IS NOT NULL`.execute(db);
  return rows[0];
}

export async function revenueByDay(db: Executor, orgId: string, dealId: string | null, days: number) {
  const { rows } = await sql<{ day: string; revenue: number; orders: number }>`
    SELECT to_char(date_trunc('day', o.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, ${revenue} AS revenue,
      count(*) FILTER (WHERE o.status <> 'cancelled')::int AS orders
    FROM orders o WHERE ${scope(orgId, dealId)} AND o.created_at > now() - make_interval(days => ${days})
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows;
}

/** Revenue by what led to it: the brand's own post, a reshare (credited to the last resharer), or a referral. */
export async function revenueBySource(db: Executor, orgId: string, dealId: string | null) {
  const { rows } = await sql<{ kind: string; account_id: string | null; orders: number; revenue: number }>`
    SELECT o.attribution_kind AS kind,
      CASE o.attribution_kind WHEN 'reshare' THEN o.attribution_chain ->> (jsonb_array_length(o.attribution_chain) - 1)
        WHEN 'referral' THEN o.attribution_referrer_id::text END AS account_id,
      count(*) FILTER (WHERE o.status <> 'cancelled')::int AS orders, ${revenue} AS revenue
    FROM orders o WHERE ${scope(orgId, dealId)}
    GROUP BY 1, 2 ORDER BY revenue DESC`.execute(db);
  return rows;
}

/** Orders placed in a period and their revenue by what led to them (briefing books: the period's attributed sales). */
export async function salesInPeriod(db: Executor, orgId: string, from: Date, to: Date) {
  const { rows } = await sql<{ kind: string; orders: number; revenue: number; currency: string | null }>`
    SELECT o.attribution_kind AS kind, count(*) FILTER (WHERE o.status <> 'cancelled')::int AS orders,
      ${revenue} AS revenue, max(o.currency) AS currency
    FROM orders o WHERE o.org_id = ${orgId} AND o.created_at >= ${from} AND o.created_at < ${to}
    GROUP BY 1 ORDER BY revenue DESC, 1`.execute(db);
  return rows;
}
