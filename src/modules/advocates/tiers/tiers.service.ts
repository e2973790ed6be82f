import type { Insertable } from 'kysely';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.ts';
import { newId } from '../../../platform/ids.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { presentSummary } from '../../identity/index.ts';
import { advocatesError } from '../advocates.errors.ts';
import type { ContributionLedgerTable } from '../advocates.tables.ts';
import * as ledgerRepo from '../referrals/referrals.repo.ts';
import { atOrAbove, DEFAULT_TIERS, ladderProblem, progressOf, type Tier, tierFor } from './tier-ladder.ts';
import * as repo from './tiers.repo.ts';

const YEAR_MS = 365 * 86_400_000;
const DAY_MS = 86_400_000;
const CURSOR = /^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/;

/** The brand's ladder, lowest first; the default ladder when it has not set one. */
export async function ladderOf(db: Executor, orgId: string): Promise<Tier[]> {
  const rows = await repo.ladderRows(db, orgId);
  if (rows.length === 0) return DEFAULT_TIERS;
  return rows.map((r) => ({ key: r.key, name: r.name, minPoints: r.min_points, perks: r.perks }));
}

type Cause = { entryId: string; points: number; note: string } | null;

/**
 * Recomputes a person's tier with a brand from their rolling 12-month points and records a move with its cause: the
 * entry just appended, or points older than 12 months that stopped counting. Runs in the caller's transaction.
 */
export async function retier(trx: Executor, orgId: string, accountId: string, cause: Cause, now: Date) {
  const { points, entries } = await repo.pointsSince(
    trx,
    orgId,
    accountId,
    new Date(now.getTime() - YEAR_MS),
  );
  const state = await repo.lockState(trx, orgId, accountId);
  if (!state && entries === 0) return;
  const tier = tierFor(await ladderOf(trx, orgId), points);
  if (!state || state.tier_key !== tier.key) {
    const signed = cause ? `${cause.points >= 0 ? '+' : ''}${cause.points} points: ${cause.note}` : null;
    await repo.insertChange(trx, {
      id: newId(),
      org_id: orgId,
      account_id: accountId,
      from_key: state?.tier_key ?? null,
      to_key: tier.key,
      points,
      reason: signed ?? 'Points earned more than 12 months ago stopped counting',
      entry_id: cause?.entryId ?? null,
      created_at: now,
    });
  }
  await repo.saveState(trx, orgId, accountId, tier.key, points, now);
}

/**
 * Appends a contribution (once per source: a replayed event adds nothing) and moves the person's tier if it changed.
 * Every ledger write goes through here.
 */
export async function appendContribution(trx: Executor, row: Insertable<ContributionLedgerTable>, now: Date) {
  const entry = await ledgerRepo.appendEntry(trx, row);
  if (entry) {
    await retier(
      trx,
      entry.org_id,
      entry.account_id,
      { entryId: entry.id, points: entry.points, note: entry.note },
      now,
    );
  }
  return entry;
}

type TierInput = Omit<Tier, 'perks'> & { perks?: string };

type Deps = { db: Db; identity: Pick<IdentityModule, 'orgs' | 'accounts'>; now: () => Date };

/** Tier ladders, who moved tier and why, tier audiences and badges. */
export function createTiersService({ db, identity, now }: Deps) {
  const manageable = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'publishDeals');
  const viewable = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'viewSales');

  async function brandOf(handle: string) {
    const brand = await identity.accounts.byHandle(handle.replace(/^@/, ''));
    if (brand?.kind !== 'brand') throw advocatesError('brand_not_found', 'No brand with that handle');
    return brand;
  }

  async function ladderView(orgId: string) {
    const own = await repo.ladderRows(db, orgId);
    return { tiers: await ladderOf(db, orgId), isDefault: own.length === 0 };
  }

  /** Whether the person is at or above the tier, from their points now (points age out without a new entry). */
  async function inTier(orgId: string, key: string, accountId: string) {
    const ladder = await ladderOf(db, orgId);
    const { points, entries } = await repo.pointsSince(
      db,
      orgId,
      accountId,
      new Date(now().getTime() - YEAR_MS),
    );
    if (entries === 0) return false;
    return atOrAbove(ladder, tierFor(ladder, points).key, key);
  }

  return {
    inTier,

    /** A brand's ladder: anyone may read it (members see what the next tier brings). */
    async ladder(handle: string) {
      const brand = await brandOf(handle);
      return ladderView(brand.id);
    },

    /** Replaces the ladder; overlapping or negative thresholds are refused with a code naming the tier. */
    async saveLadder(principal: Principal, handle: string, input: { tiers: TierInput[] }) {
      const org = await manageable(principal, handle);
      const tiers = input.tiers;
      const problem = ladderProblem(tiers);
      if (problem) {
        const code =
          problem.field === 'key'
            ? 'tier_key_taken'
            : tiers[problem.index].minPoints < 0
              ? 'negative_threshold'
              : 'tier_thresholds_overlap';
        throw advocatesError(
          code,
          `Tier ${problem.index + 1} (${tiers[problem.index].name}): ${problem.field} ${problem.message}`,
          [{ field: `tiers/${problem.index}/${problem.field}`, message: problem.message }],
        );
      }
      await db.transaction().execute((trx) =>
        repo.replaceLadder(
          trx,
          org.id,
          tiers.map((t) => ({ ...t, name: t.name.trim(), perks: t.perks?.trim() ?? '' })),
        ),
      );
      return ladderView(org.id);
    },

    /** Who moved tier and why, newest first. */
    async changes(principal: Principal, handle: string, q: { cursor?: string; limit?: number }) {
      const org = await viewable(principal, handle);
      const limit = q.limit ?? 20;
      const key = decodeCursor(q.cursor, CURSOR);
      const after = key ? { at: new Date(key.split('|')[0]), id: key.split('|')[1] } : undefined;
      const rows = await repo.listChanges(db, org.id, after, limit + 1);
      const page = rows.slice(0, limit);
      const ladder = await ladderOf(db, org.id);
      const nameOf = (k: string | null) => (k ? (ladder.find((t) => t.key === k)?.name ?? k) : null);
      const people = new Map(
        (await identity.accounts.byIds([...new Set(page.map((r) => r.account_id))])).map((a) => [
          a.id,
          presentSummary(a),
        ]),
      );
      const last = rows[limit - 1];
      return {
        items: page.flatMap((r) => {
          const person = people.get(r.account_id);
          if (!person) return [];
          const from = ladder.findIndex((t) => t.key === r.from_key);
          const to = ladder.findIndex((t) => t.key === r.to_key);
          return [
            {
              id: r.id,
              person,
              from: nameOf(r.from_key),
              to: nameOf(r.to_key) ?? r.to_key,
              direction: (r.from_key === null ? 'joined' : to > from ? 'up' : 'down') as
                | 'joined'
                | 'up'
                | 'down',
              points: r.points,
              reason: r.reason,
              createdAt: r.created_at.toISOString(),
            },
          ];
        }),
        nextCursor:
          rows.length > limit && last ? encodeCursor(`${last.created_at.toISOString()}|${last.id}`) : null,
      };
    },

    /** A person's standing with each brand: tier, next tier and points still missing. */
    async standing(orgId: string, points: number) {
      const ladder = await ladderOf(db, orgId);
      const p = progressOf(ladder, points);
      return {
        tier: { key: p.tier.key, name: p.tier.name, perks: p.tier.perks },
        next: p.next
          ? { key: p.next.key, name: p.next.name, minPoints: p.next.minPoints, perks: p.next.perks }
          : null,
        pointsToNext: p.pointsToNext,
      };
    },

    /** Current tiers of these people above the ladder's first rung (a badge means something): with one brand or all. */
    async badges(accountIds: string[], orgId: string | null) {
      const states = await repo.statesOf(db, [...new Set(accountIds)], orgId);
      const ladders = new Map<string, Tier[]>();
      for (const id of new Set(states.map((s) => s.org_id))) ladders.set(id, await ladderOf(db, id));
      const brands = new Map(
        (await identity.accounts.byIds([...ladders.keys()])).map((b) => [b.id, b.handle]),
      );
      return states.flatMap((s) => {
        const ladder = ladders.get(s.org_id) ?? [];
        const i = ladder.findIndex((t) => t.key === s.tier_key);
        const brand = brands.get(s.org_id);
        if (i <= 0 || !brand) return [];
        return [{ accountId: s.account_id, orgId: s.org_id, brand, tier: ladder[i].name, rank: i }];
      });
    },

    /** The people at or above a tier now (an ideas challenge's invite list); empty when the brand has no such tier. */
    async members(orgId: string, key: string) {
      const ladder = await ladderOf(db, orgId);
      const from = ladder.findIndex((t) => t.key === key);
      if (from < 0) return [];
      return repo.membersIn(
        db,
        orgId,
        ladder.slice(from).map((t) => t.key),
      );
    },

    tierExists: async (orgId: string, key: string) => (await ladderOf(db, orgId)).some((t) => t.key === key),
    tierName: async (orgId: string, key: string) =>
      (await ladderOf(db, orgId)).find((t) => t.key === key)?.name ?? null,

    /** Re-tiers people whose points may have aged past 12 months (the background job calls it). */
    async sweep(limit = 200) {
      const stale = await repo.staleStates(db, new Date(now().getTime() - DAY_MS), limit);
      for (const s of stale) {
        await db.transaction().execute((trx) => retier(trx, s.org_id, s.account_id, null, now()));
      }
      return stale.length;
    },
  };
}

export type TiersService = ReturnType<typeof createTiersService>;
