import type { Db, Executor } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import { newId } from '../../../platform/ids.ts';
import { type CommerceModule, formatDecimal } from '../../commerce/index.ts';
import type { SocialModule } from '../../social/index.ts';
import type { RewardKind } from '../advocates.tables.ts';
import { appendContribution } from '../tiers/tiers.service.ts';
import * as repo from './referrals.repo.ts';

/** Points each contribution earns when the brand has not set its own. */
export const DEFAULT_POINTS: Record<RewardKind, number> = {
  referral_earned: 50,
  reshare_sale: 20,
  idea_implemented: 100,
  staff_share: 5,
  staff_sale: 25,
};
/** A brand without settings: a hold past a 14-day refund window; ten strangers on one code flag it. */
export const DEFAULT_SETTINGS = { holdDays: 14, strangerFlagThreshold: 10 };

const DAY_MS = 86_400_000;

export type RewardsDeps = {
  db: Db;
  events: EventBus;
  commerce: Pick<CommerceModule, 'advocacy'>;
  social: Pick<SocialModule, 'follows'>;
  now: () => Date;
};

export async function pointsFor(db: Executor, orgId: string, kind: RewardKind): Promise<number> {
  const rules = await repo.ruleOverrides(db, orgId);
  return rules.find((r) => r.kind === kind)?.points ?? DEFAULT_POINTS[kind];
}

export async function settingsOf(db: Executor, orgId: string) {
  const row = await repo.findSettings(db, orgId);
  return row
    ? { holdDays: row.hold_days, strangerFlagThreshold: row.stranger_flag_threshold }
    : DEFAULT_SETTINGS;
}

const money = (minor: number, currency: string) => `${formatDecimal(minor, currency)} ${currency}`;

/**
 * The referral rules and the contribution ledger, driven by commerce and ideas events through the outbox.
 * Every handler is idempotent: a referral is unique per order, a ledger entry per source.
 */
export function subscribeRewards({ db, events, commerce, social, now }: RewardsDeps) {
  // Every entry goes through the tiers, which record a move between tiers with the entry that caused it.
  const append: typeof repo.appendEntry = (trx, row) => appendContribution(trx, row, now());
  type Placed = { orderId: string; orgId: string; buyerId: string; totalMinor: number; currency: string };

  /** Why a referral is refused, or null when it counts. */
  async function refusal(trx: Executor, p: Placed, referrerId: string): Promise<string | null> {
    if (referrerId === p.buyerId) return 'Self-referral: the buyer is the referrer';
    const facts = await commerce.advocacy.orderFacts(p.orderId, referrerId, trx);
    if (!facts) return 'The order no longer exists';
    if (facts.earlier_orders > 0) return 'Not a first order: the buyer has ordered from this brand before';
    if (facts.same_address) return 'Self-referral: the order ships to an address of the referrer';
    return null;
  }

  // The same subscriber for every order event, so they reach it in order for each order.
  events.subscribe('advocates.referrals', 'order.placed', async (event, { trx }) => {
    const p = event.payload;
    const referrerId = p.attribution.referrerId;
    if (p.attribution.kind !== 'referral' || !referrerId) return;
    const settings = await settingsOf(trx, p.orgId);
    const refused = await refusal(trx, p, referrerId);
    const stranger =
      !(await social.follows.isFollowing(p.buyerId, referrerId, trx)) &&
      !(await social.follows.isFollowing(referrerId, p.buyerId, trx));
    let status: 'pending' | 'flagged' | 'refused' = refused ? 'refused' : 'pending';
    let reason = refused;
    if (!refused && stranger) {
      const strangers = (await repo.countStrangers(trx, p.orgId, referrerId)) + 1;
      if (strangers >= settings.strangerFlagThreshold) {
        status = 'flagged';
        reason = `Used by ${strangers} people with no follow connection to the referrer: the code may be posted publicly`;
      }
    }
    await repo.insertReferral(trx, {
      id: newId(),
      org_id: p.orgId,
      referrer_id: referrerId,
      buyer_id: p.buyerId,
      order_id: p.orderId,
      total_minor: p.totalMinor,
      currency: p.currency,
      status,
      reason,
      stranger,
      placed_at: event.createdAt,
      earn_at: new Date(event.createdAt.getTime() + settings.holdDays * DAY_MS),
    });
  });

  events.subscribe('advocates.referrals', 'order.paid', async (event, { trx }) => {
    await repo.markPaid(trx, event.payload.orderId, event.createdAt);
  });

  events.subscribe('advocates.referrals', 'order.cancelled', async (event, { trx }) => {
    const r = await repo.referralOfOrder(trx, event.payload.orderId);
    if (r && (r.status === 'pending' || r.status === 'flagged')) {
      await repo.setStatus(trx, r.id, { status: 'cancelled', reason: 'The order was cancelled', at: now() });
    }
  });

  // A refund inside the hold cancels the referral; a full refund after it was earned takes the points back.
  events.subscribe('advocates.referrals', 'order.refunded', async (event, { trx }) => {
    const p = event.payload;
    const r = await repo.referralOfOrder(trx, p.orderId);
    if (!r) return;
    if (r.status === 'pending' || r.status === 'flagged') {
      await repo.setStatus(trx, r.id, {
        status: 'cancelled',
        reason: 'Refunded inside the hold period',
        at: now(),
      });
    } else if (r.status === 'earned' && p.full) {
      await reverse(trx, p.orgId, r.id, 'referral_earned', `refund:${event.id}:referral`);
      await repo.setStatus(trx, r.id, {
        status: 'reversed',
        reason: 'Refunded after it was earned: its points were taken back',
        at: now(),
      });
    }
  });

  // The last resharer of a paid order's reshare chain earns points for the sale; a full refund takes them back.
  events.subscribe('advocates.reshare-points', 'order.paid', async (event, { trx }) => {
    const p = event.payload;
    const facts = await commerce.advocacy.orderFacts(p.orderId, null, trx);
    const chain = facts?.attribution_kind === 'reshare' ? facts.attribution_chain : [];
    const resharer = chain[chain.length - 1];
    if (chain.length < 2 || !resharer || resharer === p.buyerId) return;
    // One sale is credited once to one person: an employee's library share that sold earns the staff sale instead.
    await repo.lockSaleCredit(trx, p.orderId);
    if ((await repo.entryFor(trx, p.orgId, p.orderId, 'staff_sale'))?.account_id === resharer) return;
    await append(trx, {
      id: newId(),
      org_id: p.orgId,
      account_id: resharer,
      kind: 'reshare_sale',
      points: await pointsFor(trx, p.orgId, 'reshare_sale'),
      source_key: `order.paid:${event.id}`,
      reference_id: p.orderId,
      note: `Your reshare led to a sale of ${money(p.totalMinor, p.currency)}`,
    });
  });
  events.subscribe('advocates.reshare-points', 'order.refunded', async (event, { trx }) => {
    if (!event.payload.full) return;
    const { orgId, orderId } = event.payload;
    await reverse(trx, orgId, orderId, 'reshare_sale', `refund:${event.id}:reshare`);
    await reverse(trx, orgId, orderId, 'staff_sale', `refund:${event.id}:staff`);
  });

  // Employee advocacy (governance): a share from the brand's content library, and a paid order it led to.
  // Keyed by the share and the order, so a redelivered or re-emitted event never counts twice.
  events.subscribe('advocates.staff-points', 'governance.staff_shared', async (event, { trx }) => {
    const p = event.payload;
    await append(trx, {
      id: newId(),
      org_id: p.orgId,
      account_id: p.employeeId,
      kind: 'staff_share',
      points: await pointsFor(trx, p.orgId, 'staff_share'),
      source_key: `staff_share:${p.shareId}`,
      reference_id: p.shareId,
      note: 'You shared a post from the brand’s content library',
    });
  });
  events.subscribe('advocates.staff-points', 'governance.staff_sale', async (event, { trx }) => {
    const p = event.payload;
    // When the same person already earned the reshare bonus for this order, the staff sale only tops it up to its
    // own worth (never below zero): one sale, credited once; a full refund reverses both entries.
    await repo.lockSaleCredit(trx, p.orderId);
    const reshare = await repo.entryFor(trx, p.orgId, p.orderId, 'reshare_sale');
    const already = reshare?.account_id === p.employeeId ? reshare.points : 0;
    const points = Math.max(0, (await pointsFor(trx, p.orgId, 'staff_sale')) - already);
    await append(trx, {
      id: newId(),
      org_id: p.orgId,
      account_id: p.employeeId,
      kind: 'staff_sale',
      points,
      source_key: `staff_sale:${p.orderId}`,
      reference_id: p.orderId,
      note:
        already > 0
          ? `Your share led to a sale of ${money(p.totalMinor, p.currency)} (${already} already counted for the reshare)`
          : `Your share led to a sale of ${money(p.totalMinor, p.currency)}`,
    });
  });

  events.subscribe('advocates.idea-points', 'ideas.idea_implemented_contribution', async (event, { trx }) => {
    const p = event.payload;
    const rules = await repo.ruleOverrides(trx, p.orgId);
    await append(trx, {
      id: newId(),
      org_id: p.orgId,
      account_id: p.personId,
      kind: 'idea_implemented',
      points: rules.find((r) => r.kind === 'idea_implemented')?.points ?? p.points,
      source_key: `ideas.idea_implemented_contribution:${event.id}`,
      reference_id: p.ideaId,
      note: 'Your idea was implemented',
    });
  });

  async function reverse(trx: Executor, orgId: string, referenceId: string, kind: RewardKind, key: string) {
    const entry = await repo.entryFor(trx, orgId, referenceId, kind);
    if (!entry || entry.points === 0) return;
    await append(trx, {
      id: newId(),
      org_id: orgId,
      account_id: entry.account_id,
      kind: 'reversal',
      points: -entry.points,
      source_key: key,
      reference_id: referenceId,
      note: `Taken back: the order was refunded (${entry.note.toLowerCase()})`,
    });
  }

  return {
    /** Earns the paid referrals whose hold has passed: status and ledger entry in one transaction. */
    async earnDue(limit = 500): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const due = await repo.claimDue(trx, now(), limit);
        for (const r of due) {
          await repo.setStatus(trx, r.id, { status: 'earned', reason: null, at: now() });
          await append(trx, {
            id: newId(),
            org_id: r.org_id,
            account_id: r.referrer_id,
            kind: 'referral_earned',
            points: await pointsFor(trx, r.org_id, 'referral_earned'),
            source_key: `referral:${r.id}`,
            reference_id: r.id,
            note: `A friend’s first order of ${money(Number(r.total_minor), r.currency)} counted after the hold`,
          });
        }
        return due.length;
      });
    },
  };
}

export type Rewards = ReturnType<typeof subscribeRewards>;
