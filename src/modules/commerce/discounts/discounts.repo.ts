import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { DiscountCodesTable } from '../commerce.tables.ts';

export type DiscountCodeRow = Selectable<DiscountCodesTable>;

export async function insertCode(db: Executor, row: Insertable<DiscountCodesTable>): Promise<void> {
  await db.insertInto('discount_codes').values(row).execute();
}

/** A brand's code by its text (already upper case). */
export function findByCode(db: Executor, orgId: string, code: string): Promise<DiscountCodeRow | undefined> {
  return db
    .selectFrom('discount_codes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function findCode(db: Executor, orgId: string, id: string): Promise<DiscountCodeRow | undefined> {
  return db
    .selectFrom('discount_codes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listCodes(db: Executor, orgId: string): Promise<DiscountCodeRow[]> {
  return db
    .selectFrom('discount_codes')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
}

export async function disableCode(db: Executor, orgId: string, id: string): Promise<void> {
  await db
    .updateTable('discount_codes')
    .set({ disabled_at: sql<Date>`coalesce(disabled_at, now())` })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Orders of this buyer holding the code now. */
export async function heldBy(db: Executor, codeId: string, buyerId: string): Promise<number> {
  const row = await db
    .selectFrom('discount_redemptions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('code_id', '=', codeId)
    .where('buyer_id', '=', buyerId)
    .where('released_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Gives an unpaid, cancelled order's use of its code back (once: a released redemption is not released again).
 * Runs in the cancelling transaction, after stock and deal units (the order the checkout write locks them in).
 */
export async function releaseRedemption(db: Executor, orderId: string): Promise<void> {
  const released = await db
    .updateTable('discount_redemptions')
    .set({ released_at: sql<Date>`now()` })
    .where('order_id', '=', orderId)
    .where('released_at', 'is', null)
    .returning('code_id')
    .executeTakeFirst();
  if (released)
    await db
      .updateTable('discount_codes')
      .set({ used: sql<number>`used - 1` })
      .where('id', '=', released.code_id)
      .execute();
}
