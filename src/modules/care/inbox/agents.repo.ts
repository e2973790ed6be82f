import { sql, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { CareAgentsTable } from '../care.tables.ts';

export function agentsOf(db: Executor, orgId: string) {
  return db.selectFrom('care_agents').selectAll().where('org_id', '=', orgId).execute();
}

export async function upsertAgent(
  db: Executor,
  orgId: string,
  userId: string,
  patch: Pick<Updateable<CareAgentsTable>, 'status' | 'max_open'>,
) {
  await db
    .insertInto('care_agents')
    .values({ org_id: orgId, user_id: userId, ...patch })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'user_id'])
        .doUpdateSet(patch.status || patch.max_open ? patch : { org_id: orgId }),
    )
    .execute();
}

export async function openCounts(db: Executor, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('care_conversations')
    .select(['assignee_id', sql<number>`count(*)::int`.as('n')])
    .where('org_id', '=', orgId)
    .where('status', '!=', 'resolved')
    .where('assignee_id', 'is not', null)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id as string, r.n]));
}

export async function markAssigned(db: Executor, orgId: string, userId: string) {
  await db
    .updateTable('care_agents')
    .set({ last_assigned_at: sql<Date>`clock_timestamp()` })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

export function agentSetting(db: Executor, orgId: string, userId: string) {
  return db
    .selectFrom('care_agents')
    .select(['status', 'max_open'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
