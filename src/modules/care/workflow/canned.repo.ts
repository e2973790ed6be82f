import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { CareCannedRepliesTable } from '../care.tables.ts';

export function cannedOf(db: Executor, orgId: string) {
  return db
    .selectFrom('care_canned_replies')
    .select(['id', 'title', 'body'])
    .where('org_id', '=', orgId)
    .orderBy('title')
    .execute();
}

export async function insertCanned(db: Executor, row: Insertable<CareCannedRepliesTable>) {
  await db.insertInto('care_canned_replies').values(row).execute();
}

export async function deleteCanned(db: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('care_canned_replies')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Changes a canned reply's title or body; false when there is no such reply in this inbox. */
export async function updateCanned(
  db: Executor,
  orgId: string,
  id: string,
  patch: Pick<Updateable<CareCannedRepliesTable>, 'title' | 'body'>,
) {
  return db
    .updateTable('care_canned_replies')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(['id', 'title', 'body'])
    .executeTakeFirst();
}
