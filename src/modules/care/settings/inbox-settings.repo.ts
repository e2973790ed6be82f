import type { Executor } from '../../../platform/db/database.ts';

/** The brand's own public reply limit, or undefined when it never set one. */
export async function publicReplyLimitOf(db: Executor, orgId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('care_inbox_settings')
    .select('public_reply_limit')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.public_reply_limit;
}

export async function savePublicReplyLimit(db: Executor, orgId: string, limit: number, by: string) {
  await db
    .insertInto('care_inbox_settings')
    .values({ org_id: orgId, public_reply_limit: limit, updated_by: by })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ public_reply_limit: limit, updated_by: by, updated_at: new Date() }),
    )
    .execute();
}

/** The brand's own unsure threshold, or null when it keeps the model's default. */
export async function unsureBelowOf(db: Executor, orgId: string): Promise<number | null> {
  const row = await db
    .selectFrom('care_inbox_settings')
    .select('unsure_below')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.unsure_below ?? null;
}

export async function saveUnsureBelow(db: Executor, orgId: string, value: number | null, by: string) {
  await db
    .insertInto('care_inbox_settings')
    .values({ org_id: orgId, unsure_below: value, updated_by: by })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ unsure_below: value, updated_by: by, updated_at: new Date() }),
    )
    .execute();
}
