import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { httpError } from '../../../platform/http/http.errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { presentSummary } from '../../identity/index.ts';
import { advocatesError } from '../advocates.errors.ts';
import type { ReferralStatus, RewardKind } from '../advocates.tables.ts';
import type { TiersService } from '../tiers/tiers.service.ts';
import * as repo from './referrals.repo.ts';
import { DEFAULT_POINTS, settingsOf } from './rewards.handlers.ts';

type Deps = {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  tiers: Pick<TiersService, 'standing'>;
  now: () => Date;
};

const CURSOR = /^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/;
const YEAR_MS = 365 * 86_400_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const KINDS = Object.keys(DEFAULT_POINTS) as RewardKind[];

function afterOf(cursor: string | undefined) {
  const key = decodeCursor(cursor, CURSOR);
  if (!key) return undefined;
  const [at, id] = key.split('|');
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) {
    throw httpError('invalid_cursor', 'The cursor is not one this endpoint issued', [
      { field: 'cursor', message: 'not a valid cursor' },
    ]);
  }
  return { at: date, id };
}

function nextCursor(rows: repo.ReferralRow[], limit: number) {
  const last = rows[limit - 1];
  return rows.length > limit && last ? encodeCursor(`${last.placed_at.toISOString()}|${last.id}`) : null;
}

function common(r: repo.ReferralRow) {
  return {
    id: r.id,
    totalMinor: Number(r.total_minor),
    currency: r.currency,
    status: r.status,
    reason: r.reason,
    placedAt: r.placed_at.toISOString(),
    earnAt: r.earn_at.toISOString(),
  };
}

/** Referrals as the brand reviews them and as the referrer follows them; referral rules and points rules. */
export function createReferralsService({ db, identity, tiers, now }: Deps) {
  const viewable = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'viewSales');
  const manageable = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'publishDeals');

  async function summaries(ids: string[]) {
    const accounts = await identity.accounts.byIds([...new Set(ids)]);
    return new Map(accounts.map((a) => [a.id, presentSummary(a)]));
  }

  async function brandView(rows: repo.ReferralRow[]) {
    const people = await summaries(rows.flatMap((r) => [r.referrer_id, r.buyer_id]));
    return rows.flatMap((r) => {
      const referrer = people.get(r.referrer_id);
      if (!referrer) return [];
      return [
        {
          ...common(r),
          referrer,
          buyer: people.get(r.buyer_id) ?? null,
          orderId: r.order_id,
          paidAt: iso(r.paid_at),
          decidedAt: iso(r.decided_at),
        },
      ];
    });
  }

  return {
    async list(
      principal: Principal,
      handle: string,
      q: { cursor?: string; limit?: number; status?: ReferralStatus },
    ) {
      const org = await viewable(principal, handle);
      const limit = q.limit ?? 20;
      const rows = await repo.listReferrals(
        db,
        { orgId: org.id, status: q.status },
        { after: afterOf(q.cursor), limit: limit + 1 },
      );
      return { items: await brandView(rows.slice(0, limit)), nextCursor: nextCursor(rows, limit) };
    },

    /** Approves a flagged referral (it is earned when its hold ends) or rejects it, with the reviewer's reason. */
    async review(
      principal: Principal,
      handle: string,
      id: string,
      input: { decision: 'approve' | 'reject'; reason: string },
    ) {
      const org = await manageable(principal, handle);
      const row = await db.transaction().execute(async (trx) => {
        const r = await repo.findReferral(trx, org.id, id, true);
        if (!r) throw advocatesError('referral_not_found', 'No referral with that id in this brand');
        if (r.status !== 'flagged') {
          throw advocatesError(
            'referral_not_flagged',
            `This referral is ${r.status}, not waiting for review`,
          );
        }
        return repo.setStatus(trx, r.id, {
          status: input.decision === 'approve' ? 'pending' : 'rejected',
          reason: `${input.decision === 'approve' ? 'Approved' : 'Rejected'} on review: ${input.reason.trim()}`,
          decidedBy: principal.userId,
          at: now(),
        });
      });
      return (await brandView([row]))[0];
    },

    async settings(principal: Principal, handle: string) {
      const org = await viewable(principal, handle);
      return settingsOf(db, org.id);
    },

    async saveSettings(
      principal: Principal,
      handle: string,
      input: { holdDays: number; strangerFlagThreshold: number },
    ) {
      const org = await manageable(principal, handle);
      const row = await repo.upsertSettings(db, {
        org_id: org.id,
        hold_days: input.holdDays,
        stranger_flag_threshold: input.strangerFlagThreshold,
      });
      return { holdDays: row.hold_days, strangerFlagThreshold: row.stranger_flag_threshold };
    },

    async rules(principal: Principal, handle: string) {
      const org = await viewable(principal, handle);
      return rulesOf(org.id);
    },

    /** Sets points per contribution; a rule that would award a negative total is refused. */
    async saveRules(
      principal: Principal,
      handle: string,
      input: { rules: { kind: RewardKind; points: number }[] },
    ) {
      const org = await manageable(principal, handle);
      const negative = input.rules.findIndex((r) => r.points < 0);
      if (negative >= 0) {
        throw advocatesError(
          'negative_points',
          `A rule of ${input.rules[negative].points} points for ${input.rules[negative].kind} would award a negative total`,
          [{ field: `rules/${negative}/points`, message: 'must be 0 or more' }],
        );
      }
      await repo.upsertRules(db, org.id, input.rules);
      return rulesOf(org.id);
    },

    /** The caller's referrals with every brand, newest first, and their code. */
    async mine(principal: Principal, q: { cursor?: string; limit?: number }) {
      const limit = q.limit ?? 20;
      const rows = await repo.listReferrals(
        db,
        { referrerId: principal.userId },
        { after: afterOf(q.cursor), limit: limit + 1 },
      );
      const page = rows.slice(0, limit);
      const brands = await summaries([principal.userId, ...page.map((r) => r.org_id)]);
      return {
        items: page.flatMap((r) => {
          const brand = brands.get(r.org_id);
          return brand ? [{ ...common(r), brand }] : [];
        }),
        nextCursor: nextCursor(rows, limit),
        code: brands.get(principal.userId)?.handle ?? '',
      };
    },

    /** The caller's points per brand (all time, last 12 months) and how each was earned. */
    async contributions(principal: Principal, q: { brand?: string }) {
      let orgId: string | undefined;
      if (q.brand) {
        const brand = await identity.accounts.byHandle(q.brand.replace(/^@/, ''));
        if (brand?.kind !== 'brand') throw advocatesError('brand_not_found', 'No brand with that handle');
        orgId = brand.id;
      }
      const [entries, totals] = await Promise.all([
        repo.ledgerOf(db, principal.userId, orgId, 100),
        repo.totalsOf(db, principal.userId, new Date(now().getTime() - YEAR_MS)),
      ]);
      const brands = await summaries(totals.map((t) => t.org_id));
      const mine = totals.filter((t) => !orgId || t.org_id === orgId);
      const standings = await Promise.all(mine.map((t) => tiers.standing(t.org_id, Number(t.last12))));
      return {
        brands: mine.flatMap((t, i) => {
          const brand = brands.get(t.org_id);
          return brand
            ? [{ brand, points: Number(t.total), last12Months: Number(t.last12), ...standings[i] }]
            : [];
        }),
        items: entries.flatMap((e) => {
          const brand = brands.get(e.org_id);
          if (!brand) return [];
          return [
            {
              id: e.id,
              brand,
              kind: e.kind,
              points: e.points,
              note: e.note,
              createdAt: e.created_at.toISOString(),
            },
          ];
        }),
      };
    },
  };

  async function rulesOf(orgId: string) {
    const overrides = await repo.ruleOverrides(db, orgId);
    return {
      rules: KINDS.map((kind) => {
        const own = overrides.find((o) => o.kind === kind);
        return { kind, points: own?.points ?? DEFAULT_POINTS[kind], isDefault: !own };
      }),
    };
  }
}

export type ReferralsService = ReturnType<typeof createReferralsService>;
