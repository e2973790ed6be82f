import type { Insertable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { CareRulesTable, RuleActions, RuleConditions } from '../care.tables.ts';

export function rulesOf(db: Executor, orgId: string) {
  return db
    .selectFrom('care_rules')
    .select(['id', 'name', 'position', 'conditions', 'actions', 'enabled'])
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
}

export async function insertRule(
  db: Executor,
  row: Omit<Insertable<CareRulesTable>, 'conditions' | 'actions'> & {
    conditions: RuleConditions;
    actions: RuleActions;
  },
) {
  await db
    .insertInto('care_rules')
    .values({ ...row, conditions: JSON.stringify(row.conditions), actions: JSON.stringify(row.actions) })
    .execute();
}

export async function deleteRule(db: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('care_rules')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Recent incoming messages with their conversation's language and customer, for trying a rule out. */
export function recentInbound(db: Executor, orgId: string, limit: number) {
  return db
    .selectFrom('care_messages as m')
    .innerJoin('care_conversations as c', 'c.id', 'm.conversation_id')
    .select([
      'm.id',
      'm.text',
      'm.intent',
      'm.corrected_intent',
      'm.sentiment',
      'c.language',
      'c.customer_id',
    ])
    .where('m.org_id', '=', orgId)
    .where('m.direction', '=', 'in')
    .orderBy('m.created_at', 'desc')
    .limit(limit)
    .execute();
}
