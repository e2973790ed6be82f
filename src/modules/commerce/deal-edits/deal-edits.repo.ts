import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { DealHistoryTable, DealsTable } from '../commerce.tables.ts';

export type DealHistoryRow = Selectable<DealHistoryTable>;

/** The deal row locked for an edit, so an edit, an early end and checkout's claim of units cannot interleave. */
export function lockDeal(db: Executor, id: string) {
  return db
    .selectFrom('deals')
    .select([
      'id',
      'org_id',
      'type',
      'title',
      'percent_off',
      'value_minor',
      'currency',
      'starts_at',
      'ends_at',
      'quantity_cap',
      'sold',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateDeal(
  db: Executor,
  id: string,
  patch: Partial<
    Pick<DealsTable, 'title' | 'percent_off' | 'value_minor' | 'ends_at' | 'quantity_cap' | 'ended_early_at'>
  >,
): Promise<void> {
  await db.updateTable('deals').set(patch).where('id', '=', id).execute();
}

/**
 * Ends the deal now; the database's clock decides, as checkout's does. A deal that had not started gets its start
 * moved just before, so it reads (and checkout refuses it) as ended rather than not yet started.
 */
export async function endDealNow(db: Executor, id: string): Promise<Date> {
  const { rows } = await sql<{ ends_at: Date }>`
    UPDATE deals SET ends_at = now(), ended_early_at = now(),
      starts_at = least(starts_at, now() - interval '1 millisecond')
    WHERE id = ${id} RETURNING ends_at`.execute(db);
  return rows[0].ends_at;
}

export async function addDealHistory(
  db: Executor,
  row: Pick<DealHistoryRow, 'deal_id' | 'actor_id' | 'action' | 'changes'>,
): Promise<void> {
  await db
    .insertInto('deal_history')
    .values({ ...row, changes: JSON.stringify(row.changes) })
    .execute();
}

export function dealHistory(db: Executor, dealId: string): Promise<DealHistoryRow[]> {
  return db.selectFrom('deal_history').selectAll().where('deal_id', '=', dealId).orderBy('id').execute();
}

/** Unpaid orders of a deal: the units they hold go back when the deal ends early. */
export function pendingOrdersOf(db: Executor, dealId: string): Promise<{ id: string }[]> {
  return db
    .selectFrom('orders')
    .select('id')
    .where('deal_id', '=', dealId)
    .where('status', '=', 'pending')
    .execute();
}
