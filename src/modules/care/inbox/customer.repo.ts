import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

export function customerConversation(db: Executor, customerId: string, id: string) {
  return db
    .selectFrom('care_conversations')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function customerConversations(db: Executor, customerId: string) {
  return (
    db
      .selectFrom('care_conversations as c')
      // What it is about, for the customer: their first message in it and the post it came from.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('care_messages as m')
            .select([sql<string>`left(m.text, 140)`.as('first_text'), 'm.post_id as first_post_id'])
            .whereRef('m.conversation_id', '=', 'c.id')
            .where('m.direction', '=', 'in')
            .orderBy('m.created_at')
            .limit(1)
            .as('first'),
        (join) => join.onTrue(),
      )
      .select(['c.id', 'c.org_id', 'c.status', 'c.private_consent', 'c.csat_score', 'c.opened_at'])
      .select(['first.first_text', 'first.first_post_id'])
      .where('c.customer_id', '=', customerId)
      .where('c.merged_into_id', 'is', null) // merged into another, which the customer sees instead
      .orderBy('c.opened_at', 'desc')
      .limit(50)
      .execute()
  );
}

export async function setConsent(
  db: Executor,
  id: string,
  from: 'none' | 'requested',
  to: 'none' | 'requested' | 'granted' | 'declined',
): Promise<boolean> {
  const r = await db
    .updateTable('care_conversations')
    .set({ private_consent: to })
    .where('id', '=', id)
    .where('private_consent', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Records a rating once, and only for a resolved conversation. */
export async function rate(db: Executor, id: string, score: number): Promise<boolean> {
  const r = await db
    .updateTable('care_conversations')
    .set({ csat_score: score, csat_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'resolved')
    .where('csat_score', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
