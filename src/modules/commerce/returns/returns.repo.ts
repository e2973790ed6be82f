import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { OrderReturnsTable, ReturnStatus } from '../commerce.tables.ts';

export type ReturnRow = Selectable<OrderReturnsTable>;

export async function insertReturn(db: Executor, row: Insertable<OrderReturnsTable>): Promise<void> {
  await db.insertInto('order_returns').values(row).execute();
}

export function findReturn(db: Executor, id: string): Promise<ReturnRow | undefined> {
  return db.selectFrom('order_returns').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockReturn(db: Executor, id: string): Promise<ReturnRow | undefined> {
  return db.selectFrom('order_returns').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function returnsOf(db: Executor, orderIds: string[]): Promise<ReturnRow[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('order_returns')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listForOrg(
  db: Executor,
  orgId: string,
  status: ReturnStatus | undefined,
): Promise<ReturnRow[]> {
  let q = db.selectFrom('order_returns').selectAll().where('org_id', '=', orgId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(200).execute();
}

export async function updateReturn(
  db: Executor,
  id: string,
  patch: Updateable<OrderReturnsTable>,
): Promise<void> {
  await db
    .updateTable('order_returns')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
