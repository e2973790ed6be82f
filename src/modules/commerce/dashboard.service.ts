import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { type IdentityModule, presentSummary } from '../identity/index.ts';
import { commerceError } from './commerce.errors.ts';
import * as repo from './dashboard.repo.ts';
import * as dealsRepo from './deals.repo.ts';

/** Sales figures for one deal or the whole deal feed, for brand staff who may see sales. */
export function createDashboardService({
  db,
  identity,
}: {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
}) {
  return {
    async report(principal: Principal, orgHandle: string, dealId: string | null, days = 30) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'viewSales');
      if (dealId) {
        const [deal] = await dealsRepo.findDeals(db, [dealId]);
        if (!deal || deal.org_id !== org.id) throw commerceError('deal_not_found', 'Deal not found');
      }
      const [totals, reach, afterClicks, byDay, bySource] = await Promise.all([
        repo.totals(db, org.id, dealId),
        repo.reach(db, org.id, dealId),
        repo.afterClicks(db, org.id, dealId),
        repo.revenueByDay(db, org.id, dealId, days),
        repo.revenueBySource(db, org.id, dealId),
      ]);
      const accounts = new Map(
        (await identity.accounts.byIds(bySource.flatMap((s) => (s.account_id ? [s.account_id] : [])))).map(
          (a) => [a.id, presentSummary(a)],
        ),
      );
      return {
        dealId,
        impressions: reach.impressions,
        clicks: reach.clicks,
        orders: totals.orders,
        ordersAfterClick: afterClicks.orders_after_click,
        ordersWithoutClick: totals.orders - afterClicks.orders_after_click,
        clicksConverted: afterClicks.clicks_converted,
        units: totals.units,
        revenueMinor: totals.revenue,
        currency: totals.currency,
        // Clicks followed by an order over all clicks: a share of the clicks, so at most 100%. Orders that came
        // without a click (the shop, a cart, a link opened elsewhere) are reported apart, not divided by clicks.
        conversionRate: reach.clicks > 0 ? afterClicks.clicks_converted / reach.clicks : null,
        revenueByDay: byDay.map((d) => ({ day: d.day, revenueMinor: d.revenue, orders: d.orders })),
        revenueBySource: bySource.map((s) => ({
          kind: s.kind,
          account: s.account_id ? (accounts.get(s.account_id) ?? null) : null,
          orders: s.orders,
          revenueMinor: s.revenue,
        })),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
