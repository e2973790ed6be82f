import { stringify } from 'csv-stringify/sync';
import { ownTables } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { LedgerOrder } from '../commerce/index.ts';
import { can, presentSummary } from '../identity/index.ts';
import { commissionMinor } from './commission.ts';
import type { RfpDeps } from './requests.service.ts';
import { rfpError } from './rfp.errors.ts';
import type { CommissionRulesInput, SalesTargetInput } from './rfp.schemas.ts';
import type { RfpTables } from './rfp.tables.ts';
import * as repo from './sales-team.repo.ts';

const monthRange = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return { from: new Date(Date.UTC(y, m - 1, 1)), to: new Date(Date.UTC(y, m, 1)) };
};
export const currentMonth = (now = new Date()) => now.toISOString().slice(0, 7);
const clamp25 = (x: number) => Math.round(Math.max(0, Math.min(25, x)) * 10) / 10;
const net = (o: LedgerOrder) => o.total_minor - o.refunded_minor;

/**
 * The social sales team: monthly targets the brand sets for its sales members, revenue credited per person from
 * the ledger (orders from their won pitches, accepted quotes, referral links and posts), a leaderboard with a
 * social selling index in four explained parts, and commission from the brand's rules, as CSV for payroll.
 */
export function createSalesTeamService(deps: RfpDeps) {
  const { identity, commerce, social } = deps;
  const db = ownTables<RfpTables>(deps.db);

  async function org(principal: Principal, handle: string, manage: boolean) {
    const o = await identity.accounts.byHandle(handle.replace(/^@/, ''));
    if (!o || o.kind === 'person' || !can(principal, o.id, manage ? 'manageMembers' : 'viewSales'))
      throw rfpError(
        manage ? 'not_sales_manager' : 'not_brand_member',
        manage
          ? 'Only the brand’s owners and admins set targets and commission'
          : 'Only the brand’s sales team sees this',
      );
    return o;
  }

  async function leaderboard(orgId: string, month: string) {
    const { from, to } = monthRange(month);
    const [roles, targets, pitches, quotes, ledger, rules] = await Promise.all([
      identity.accounts.memberRoles(orgId),
      repo.targetsOf(db, orgId, month),
      repo.pitchActivity(db, orgId, from, to),
      repo.quoteActivity(db, orgId, from, to),
      commerce.ledger(orgId, from, to),
      repo.commissionRules(db, orgId),
    ]);
    const team = [
      ...new Set([
        ...roles.filter((r) => r.role === 'sales').map((r) => r.user_id),
        ...targets.map((t) => t.user_id),
      ]),
    ];
    const inTeam = new Set(team);
    // Each order is credited once: a won pitch or an accepted quote first, then a referral link, then a post.
    const credited = new Map<string, { userId: string; via: 'pitch' | 'quote' | 'referral' | 'post' }>();
    for (const c of await repo.creditedOrders(
      db,
      orgId,
      ledger.map((o) => o.id),
    ))
      if (inTeam.has(c.author_id) && !credited.has(c.order_id))
        credited.set(c.order_id, { userId: c.author_id, via: c.via });
    for (const o of ledger)
      if (!credited.has(o.id) && o.attribution_referrer_id && inTeam.has(o.attribution_referrer_id))
        credited.set(o.id, { userId: o.attribution_referrer_id, via: 'referral' });
    const posters = new Map(
      (
        await social.authorship.postedBy([
          ...new Set(
            ledger.flatMap((o) =>
              credited.has(o.id) || !o.attribution_post_id ? [] : [o.attribution_post_id],
            ),
          ),
        ])
      ).map((p) => [p.id, p.posted_by]),
    );
    for (const o of ledger) {
      const poster = o.attribution_post_id ? posters.get(o.attribution_post_id) : undefined;
      if (!credited.has(o.id) && poster && inTeam.has(poster))
        credited.set(o.id, { userId: poster, via: 'post' });
    }
    const postCounts = await social.authorship.postCounts(team, from, to);
    const accounts = new Map((await identity.accounts.byIds(team)).map((a) => [a.id, presentSummary(a)]));
    const currency = targets[0]?.currency ?? ledger[0]?.currency ?? 'EUR';
    const rows = team.map((userId) => {
      const target = targets.find((t) => t.user_id === userId) ?? null;
      const p = pitches.find((x) => x.author_id === userId);
      const q = quotes.find((x) => x.author_id === userId);
      const orders = ledger.filter((o) => credited.get(o.id)?.userId === userId && o.currency === currency);
      const revenueMinor = orders.reduce((s, o) => s + net(o), 0);
      const by = (via: string) =>
        orders.filter((o) => credited.get(o.id)?.via === via).reduce((s, o) => s + net(o), 0);
      const posts = postCounts.get(userId) ?? 0;
      const nPitches = p?.pitches ?? 0;
      const frt = p?.first_response_seconds ?? null;
      const frtTarget = target?.first_response_seconds ?? 4 * 3600;
      const ssi = [
        {
          key: 'presence',
          label: 'Brand presence',
          score: clamp25(((posts + nPitches) * 25) / 20),
          explanation: `${posts} public posts and ${nPitches} public pitches this month (full marks at 20)`,
        },
        {
          key: 'right_people',
          label: 'Finding the right people',
          score: nPitches ? clamp25((25 * (p?.advanced ?? 0)) / nPitches) : 0,
          explanation: nPitches
            ? `${p?.advanced ?? 0} of ${nPitches} pitches were shortlisted or won`
            : 'No pitches yet: pitch on requests that fit your products',
        },
        {
          key: 'insight',
          label: 'Engaging with insight',
          score: frt === null ? 0 : clamp25(25 * Math.min(1, frtTarget / Math.max(frt, 1))),
          explanation:
            frt === null
              ? 'No pitches to time yet'
              : `First pitch ${Math.round(frt / 60)} min after a request on average, against ${Math.round(frtTarget / 60)} min`,
        },
        {
          key: 'relationships',
          label: 'Building relationships',
          score: clamp25(orders.length * 5),
          explanation: `${orders.length} orders from your pitches, quotes, referral links and posts (5 points each)`,
        },
      ];
      const targetMinor = target && target.currency === currency ? target.revenue_minor : null;
      return {
        member: accounts.get(userId) ?? null,
        revenueMinor,
        currency,
        revenueBy: {
          pitches: by('pitch'),
          quotes: by('quote'),
          referrals: by('referral'),
          posts: by('post'),
        },
        orders: orders.length,
        target: target
          ? {
              revenueMinor: target.revenue_minor,
              pitches: target.pitches,
              firstResponseSeconds: target.first_response_seconds,
            }
          : null,
        attainment: targetMinor ? revenueMinor / targetMinor : null,
        pitches: nPitches,
        quotes: q?.quotes ?? 0,
        firstResponseSeconds: frt === null ? null : Math.round(frt),
        ssi: { total: Math.round(ssi.reduce((s, x) => s + x.score, 0) * 10) / 10, parts: ssi },
        commissionMinor: rules ? commissionMinor(revenueMinor, targetMinor, rules.base_bp, rules.tiers) : 0,
      };
    });
    rows.sort((a, b) => b.revenueMinor - a.revenueMinor || b.ssi.total - a.ssi.total);
    return {
      month,
      currency,
      commission: rules ? { baseBp: rules.base_bp, tiers: rules.tiers } : null,
      items: rows,
    };
  }

  return {
    async leaderboard(principal: Principal, handle: string, month = currentMonth()) {
      return leaderboard((await org(principal, handle, false)).id, month);
    },

    async setTarget(principal: Principal, handle: string, input: SalesTargetInput) {
      const o = await org(principal, handle, true);
      const member = await identity.accounts.byHandle(input.member.replace(/^@/, ''));
      const role =
        member && (await identity.accounts.memberRoles(o.id)).find((r) => r.user_id === member.id)?.role;
      if (!member || !role)
        throw rfpError('not_team_member', `@${input.member.replace(/^@/, '')} is not a member of the brand`, [
          { field: 'member', message: 'is not a member of the brand' },
        ]);
      await repo.upsertTarget(db, {
        org_id: o.id,
        user_id: member.id,
        month: input.month,
        revenue_minor: input.revenueMinor,
        currency: input.currency,
        pitches: input.pitches,
        first_response_seconds: input.firstResponseSeconds,
      });
      return leaderboard(o.id, input.month);
    },

    async setCommission(principal: Principal, handle: string, input: CommissionRulesInput) {
      const o = await org(principal, handle, true);
      await repo.upsertCommissionRules(db, o.id, input.baseBp, input.tiers);
      return { baseBp: input.baseBp, tiers: input.tiers };
    },

    /** Commission per person for a month, as CSV for payroll. */
    async commissionCsv(principal: Principal, handle: string, month = currentMonth()) {
      const o = await org(principal, handle, true);
      const board = await leaderboard(o.id, month);
      return stringify(
        board.items.map((r) => ({
          month,
          handle: r.member?.handle ?? '',
          name: r.member?.name ?? '',
          currency: r.currency,
          attributed_revenue: (r.revenueMinor / 100).toFixed(2),
          target_revenue: r.target ? (r.target.revenueMinor / 100).toFixed(2) : '',
          attainment_percent: r.attainment === null ? '' : (r.attainment * 100).toFixed(1),
          commission: (r.commissionMinor / 100).toFixed(2),
        })),
        { header: true },
      );
    },
  };
}

export type SalesTeamService = ReturnType<typeof createSalesTeamService>;
