import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { CareActivityTable, CareConversationsTable } from '../care.tables.ts';

/** Both conversations of a merge, locked in id order (so two opposite merges cannot deadlock). */
export function lockConversations(trx: Executor, orgId: string, ids: string[]) {
  return trx
    .selectFrom('care_conversations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Moves every message and note of one conversation to another, keeping their times and authors. */
export async function moveMessages(trx: Executor, orgId: string, fromId: string, intoId: string) {
  const r = await trx
    .updateTable('care_messages')
    .set({ conversation_id: intoId })
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', fromId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function absorb(
  trx: Executor,
  intoId: string,
  patch: Pick<
    Updateable<CareConversationsTable>,
    'tags' | 'priority' | 'status' | 'last_customer_message_at' | 'intent' | 'intent_confidence' | 'sentiment'
  >,
) {
  await trx
    .updateTable('care_conversations')
    .set({ ...patch, ...(patch.status && patch.status !== 'resolved' ? { resolved_at: null } : {}) })
    .where('id', '=', intoId)
    .execute();
}

/**
 * Closes the merged conversation, pointing at its target; conversations merged into it earlier now point at the
 * target too, so following a merge is always one step.
 */
export async function markMerged(trx: Executor, orgId: string, fromId: string, intoId: string, at: Date) {
  await trx
    .updateTable('care_conversations')
    .set({ merged_into_id: intoId, merged_at: at, status: 'resolved', snoozed_until: null })
    .where('org_id', '=', orgId)
    .where('id', '=', fromId)
    .execute();
  await trx
    .updateTable('care_conversations')
    .set({ merged_into_id: intoId })
    .where('org_id', '=', orgId)
    .where('merged_into_id', '=', fromId)
    .execute();
}

export async function insertActivity(trx: Executor, rows: Insertable<CareActivityTable>[]) {
  await trx.insertInto('care_activity').values(rows).execute();
}

/** What happened to a conversation besides its messages (merges, triage changes), oldest first. */
export function activityOf(db: Executor, orgId: string, conversationId: string) {
  return db
    .selectFrom('care_activity')
    .select(['id', 'kind', 'actor_id', 'other_conversation_id', 'summary', 'created_at'])
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
