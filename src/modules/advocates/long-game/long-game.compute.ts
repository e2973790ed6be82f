import { bootstrapLift, type Lift } from '../../../lib/stats/index.ts';
import { type BuyerFacts, lifetimeValue } from '../../commerce/index.ts';

export type Customer = { spend: number; repeat: number; ltv: number };
type Group = { customers: number; spendPerCustomer: number; repeatRate: number; lifetimeValue: number };

const monthOf = (d: Date) => d.toISOString().slice(0, 7);

function groupOf(cs: Customer[]): Group {
  const n = cs.length || 1;
  return {
    customers: cs.length,
    spendPerCustomer: Math.round(cs.reduce((s, c) => s + c.spend, 0) / n),
    repeatRate: cs.reduce((s, c) => s + c.repeat, 0) / n,
    lifetimeValue: Math.round(cs.reduce((s, c) => s + c.ltv, 0) / n),
  };
}

function lifts(a: Customer[], b: Customer[], seed: number) {
  const view = (l: Lift) => ({ lift: l.lift, low: l.low, high: l.high });
  return {
    spendPerCustomer: view(
      bootstrapLift(
        a.map((c) => c.spend),
        b.map((c) => c.spend),
        { seed },
      ),
    ),
    repeatRate: view(
      bootstrapLift(
        a.map((c) => c.repeat),
        b.map((c) => c.repeat),
        { seed: seed + 1 },
      ),
    ),
    lifetimeValue: view(
      bootstrapLift(
        a.map((c) => c.ltv),
        b.map((c) => c.ltv),
        { seed: seed + 2 },
      ),
    ),
  };
}

/**
 * The long game of one brand: customers by the month of their first order, engaged before that order (followed,
 * replied, reshared, talked to care, took part in ideas) or not; spend per customer, repeat rate and lifetime value
 * of each, and the lift of engaged over not engaged with 95% bootstrap intervals; the same for advocates (people
 * with earned contributions) against other customers. Pure: the facts come in, the figures go out.
 */
export function longGame(
  buyers: BuyerFacts[],
  engagedAt: Map<string, Date>,
  advocates: Set<string>,
  now: Date,
  months = 12,
) {
  const currency = mostCommon(buyers.map((b) => b.currency).filter((c): c is string => c !== null));
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1));
  const rows = buyers
    .filter((b) => b.currency === currency && b.first_at && b.first_at >= since)
    .map((b) => {
      const engaged = engagedAt.get(b.buyer_id);
      const customer: Customer = {
        spend: Number(b.spend),
        repeat: b.orders > 1 ? 1 : 0,
        ltv: lifetimeValue(
          { orders: b.orders, spendMinor: Number(b.spend), firstAt: b.first_at, lastAt: b.last_at },
          now,
        ).totalMinor,
      };
      return {
        id: b.buyer_id,
        month: monthOf(b.first_at!),
        engaged: engaged !== undefined && engaged < b.first_at!,
        customer,
      };
    });
  const cohorts = [...new Set(rows.map((r) => r.month))].sort().map((month) => {
    const inMonth = rows.filter((r) => r.month === month);
    return {
      month,
      engaged: groupOf(inMonth.filter((r) => r.engaged).map((r) => r.customer)),
      notEngaged: groupOf(inMonth.filter((r) => !r.engaged).map((r) => r.customer)),
    };
  });
  const pick = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).map((r) => r.customer);
  const engaged = pick((r) => r.engaged);
  const notEngaged = pick((r) => !r.engaged);
  const adv = pick((r) => advocates.has(r.id));
  const others = pick((r) => !advocates.has(r.id));
  return {
    currency: currency ?? 'EUR',
    since: since.toISOString(),
    cohorts,
    engagement: {
      engaged: groupOf(engaged),
      notEngaged: groupOf(notEngaged),
      lift: lifts(engaged, notEngaged, 17),
    },
    advocacy: { advocates: groupOf(adv), others: groupOf(others), lift: lifts(adv, others, 29) },
  };
}

function mostCommon(xs: string[]): string | null {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
