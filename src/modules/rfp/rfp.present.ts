import type { Principal } from '../../platform/http/auth.ts';
import { type AccountRow, can, type IdentityModule, presentSummary } from '../identity/index.ts';
import type * as repo from './rfp.repo.ts';

type Accounts = Pick<IdentityModule['accounts'], 'byIds'>;

/** What everyone sees of a request's state: an open request past its deadline is closed. */
export function stateOf(r: Pick<repo.RequestRow, 'status' | 'deadline'>, now = new Date()) {
  if (r.status === 'awarded' || r.status === 'withdrawn') return r.status;
  return r.deadline.getTime() <= now.getTime() ? ('closed' as const) : ('open' as const);
}

export async function presentRequests(
  accounts: Accounts,
  rows: repo.RequestRow[],
  targets: { request_id: string; org_id: string }[],
  pitchCounts: Map<string, number>,
) {
  const ids = [...new Set([...rows.map((r) => r.author_id), ...targets.map((t) => t.org_id)])];
  const byId = new Map((await accounts.byIds(ids)).map((a) => [a.id, a] as const));
  const summary = (id: string) => {
    const a: AccountRow | undefined = byId.get(id);
    return a ? presentSummary(a) : null;
  };
  return rows.map((r) => ({
    id: r.id,
    author: summary(r.author_id),
    title: r.title,
    details: r.details,
    budgetMinor: r.budget_minor,
    currency: r.currency,
    deadline: r.deadline.toISOString(),
    location: r.location,
    state: stateOf(r),
    brands: targets.flatMap((t) => {
      const s = t.request_id === r.id ? summary(t.org_id) : null;
      return s ? [s] : [];
    }),
    pitchCount: pitchCounts.get(r.id) ?? 0,
    awardedPitchId: r.status === 'awarded' ? r.awarded_pitch_id : null,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function presentPitches(accounts: Accounts, rows: repo.PitchRow[], items: repo.PitchItemRow[]) {
  const byId = new Map((await accounts.byIds([...new Set(rows.map((r) => r.org_id))])).map((a) => [a.id, a]));
  return rows.map((p) => {
    const brand = byId.get(p.org_id);
    return {
      id: p.id,
      requestId: p.request_id,
      brand: brand ? presentSummary(brand) : null,
      title: p.title,
      terms: p.terms,
      message: p.message,
      totalMinor: p.total_minor,
      currency: p.currency,
      status: p.status,
      shortlisted: p.shortlisted,
      declineReason: p.decline_reason,
      items: items
        .filter((i) => i.pitch_id === p.id)
        .map((i) => ({
          productId: i.product_id,
          variantId: i.variant_id,
          title: i.title,
          quantity: i.quantity,
          unitPriceMinor: i.unit_price_minor,
          listPriceMinor: i.list_price_minor,
        })),
      createdAt: p.created_at.toISOString(),
      updatedAt: p.updated_at.toISOString(),
    };
  });
}

/** The asked brands the caller may pitch for (a sales, marketing or admin role in them). */
export const pitchableBy = (principal: Principal | null, orgIds: string[]) =>
  orgIds.filter((id) => can(principal, id, 'viewSales'));
