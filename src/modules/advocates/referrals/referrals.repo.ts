import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type {
  ContributionKind,
  ContributionLedgerTable,
  ReferralSettingsTable,
  ReferralStatus,
  ReferralsTable,
  RewardKind,
} from '../advocates.tables.ts';

export type ReferralRow = Selectable<ReferralsTable>;
export type LedgerRow = Selectable<ContributionLedgerTable>;

export function findSettings(db: Executor, orgId: string) {
  return db.selectFrom('referral_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function upsertSettings(db: Executor, row: Insertable<ReferralSettingsTable>) {
  return db
    .insertInto('referral_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        hold_days: row.hold_days,
        stranger_flag_threshold: row.stranger_flag_threshold,
        updated_at: sql`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts a referral unless its order already has one (a replayed event); returns it only when inserted. */
export function insertReferral(db: Executor, row: Insertable<ReferralsTable>) {
  return db
    .insertInto('referrals')
    .values(row)
    .onConflict((oc) => oc.column('order_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function referralOfOrder(db: Executor, orderId: string) {
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('order_id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
}

export function findReferral(db: Executor, orgId: string, id: string, lock = false) {
  const q = db.selectFrom('referrals').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Distinct strangers this referrer already brought to the brand (refused referrals do not count). */
export async function countStrangers(db: Executor, orgId: string, referrerId: string): Promise<number> {
  const row = await db
    .selectFrom('referrals')
    .select((eb) => eb.fn.count<string>('buyer_id').distinct().as('n'))
    .where('org_id', '=', orgId)
    .where('referrer_id', '=', referrerId)
    .where('stranger', '=', true)
    .where('status', '<>', 'refused')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setStatus(
  db: Executor,
  id: string,
  change: { status: ReferralStatus; reason?: string | null; decidedBy?: string; at: Date },
) {
  return db
    .updateTable('referrals')
    .set({
      status: change.status,
      ...(change.reason !== undefined ? { reason: change.reason } : {}),
      ...(change.decidedBy ? { decided_by: change.decidedBy, decided_at: change.at } : {}),
      updated_at: change.at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Pending referrals whose hold has passed, locked for this transaction (other processes skip them). */
export function claimDue(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('status', '=', 'pending')
    .where('paid_at', 'is not', null)
    .where('earn_at', '<=', now)
    .orderBy('earn_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

type ListFilter = { orgId?: string; referrerId?: string; status?: ReferralStatus };

/** Referrals newest first, one page after the (placed_at, id) cursor. */
export function listReferrals(
  db: Executor,
  filter: ListFilter,
  page: { after?: { at: Date; id: string }; limit: number },
) {
  let q = db.selectFrom('referrals').selectAll();
  if (filter.orgId) q = q.where('org_id', '=', filter.orgId);
  if (filter.referrerId) q = q.where('referrer_id', '=', filter.referrerId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (page.after) {
    const { at, id } = page.after;
    q = q.where((eb) =>
      eb.or([eb('placed_at', '<', at), eb.and([eb('placed_at', '=', at), eb('id', '<', id)])]),
    );
  }
  return q.orderBy('placed_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

export function ruleOverrides(db: Executor, orgId: string) {
  return db.selectFrom('contribution_rules').select(['kind', 'points']).where('org_id', '=', orgId).execute();
}

export async function upsertRules(
  db: Executor,
  orgId: string,
  rules: { kind: RewardKind; points: number }[],
) {
  for (const r of rules) {
    await db
      .insertInto('contribution_rules')
      .values({ org_id: orgId, kind: r.kind, points: r.points })
      .onConflict((oc) => oc.columns(['org_id', 'kind']).doUpdateSet({ points: r.points }))
      .execute();
  }
}

/** Appends a ledger entry unless its source already has one (the outbox delivers at least once). */
export function appendEntry(db: Executor, row: Insertable<ContributionLedgerTable>) {
  return db
    .insertInto('contribution_ledger')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'source_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The ledger entry that rewarded a reference (a referral or an order), to reverse it. */
/** Serialises the handlers that credit one order's sale, so that each sees the other's entry. */
export async function lockSaleCredit(db: Executor, orderId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`advocates-sale-credit:${orderId}`}))`.execute(db);
}

export function entryFor(db: Executor, orgId: string, referenceId: string, kind: ContributionKind) {
  return db
    .selectFrom('contribution_ledger')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('reference_id', '=', referenceId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export function ledgerOf(db: Executor, accountId: string, orgId: string | undefined, limit: number) {
  let q = db.selectFrom('contribution_ledger').selectAll().where('account_id', '=', accountId);
  if (orgId) q = q.where('org_id', '=', orgId);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Points per brand of one person: all time and over the last 12 months. */
export function totalsOf(db: Executor, accountId: string, since: Date) {
  return db
    .selectFrom('contribution_ledger')
    .select((eb) => [
      'org_id',
      eb.fn.sum<string>('points').as('total'),
      sql<string>`coalesce(sum(points) FILTER (WHERE created_at >= ${since}), 0)`.as('last12'),
    ])
    .where('account_id', '=', accountId)
    .groupBy('org_id')
    .execute();
}

export async function markPaid(db: Executor, orderId: string, at: Date) {
  await db
    .updateTable('referrals')
    .set({ paid_at: at, updated_at: at })
    .where('order_id', '=', orderId)
    .where('paid_at', 'is', null)
    .execute();
}

/**
 * Each person's points with a brand in [from, to) from staff shares and their sales, net of refunds' reversals. A
 * staff sale that only topped up the reshare bonus the same person earned for the same order counts that bonus too.
 */
export async function staffPoints(db: Executor, orgId: string, from: Date, to: Date) {
  const rows = await db
    .selectFrom('contribution_ledger as l')
    .select(['l.account_id', (eb) => eb.fn.sum<string>('l.points').as('points')])
    .where('l.org_id', '=', orgId)
    .where('l.created_at', '>=', from)
    .where('l.created_at', '<', to)
    .where((eb) =>
      eb.or([
        eb('l.kind', 'in', ['staff_share', 'staff_sale']),
        eb.and([eb('l.kind', '=', 'reversal'), eb('l.source_key', 'like', 'refund:%:staff')]),
        eb.and([
          eb.or([
            eb('l.kind', '=', 'reshare_sale'),
            eb.and([eb('l.kind', '=', 'reversal'), eb('l.source_key', 'like', 'refund:%:reshare')]),
          ]),
          eb.exists(
            eb
              .selectFrom('contribution_ledger as s')
              .select('s.id')
              .where('s.org_id', '=', orgId)
              .where('s.kind', '=', 'staff_sale')
              .whereRef('s.reference_id', '=', 'l.reference_id')
              .whereRef('s.account_id', '=', 'l.account_id'),
          ),
        ]),
      ]),
    )
    .groupBy('l.account_id')
    .execute();
  return new Map(rows.map((r) => [r.account_id, Number(r.points)]));
}
