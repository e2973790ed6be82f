import type { Insertable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { CareQueuesTable } from '../care.tables.ts';

export function queuesOf(db: Executor, orgId: string) {
  return db
    .selectFrom('care_queues')
    .select(['id', 'name', 'position'])
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
}

export async function insertQueues(db: Executor, rows: Insertable<CareQueuesTable>[]) {
  await db
    .insertInto('care_queues')
    .values(rows)
    .onConflict((oc) => oc.columns(['org_id', 'name']).doNothing())
    .execute();
}

export async function renameQueue(db: Executor, orgId: string, id: string, name: string): Promise<boolean> {
  const r = await db
    .updateTable('care_queues')
    .set({ name })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteQueue(db: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('care_queues')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
