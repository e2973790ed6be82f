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

/**
 * The customer's conversations with brands, as they see them: cases, not mentions. A conversation whose triage
 * asks nothing of the brand (praise, chatter) is listed only once the brand answered it.
 */
export function customerConversations(db: Executor, customerId: string, nonActionable: readonly string[]) {
  return (
    db
      .selectFrom('care_conversations as c')
      // Where it started: their first message in it and the post it came from.
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
      // What it is about now: their newest message of the conversation's current intent.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('care_messages as t')
            .select(sql<string>`left(t.text, 140)`.as('topic_text'))
            .whereRef('t.conversation_id', '=', 'c.id')
            .where('t.direction', '=', 'in')
            .orderBy(sql`coalesce(t.corrected_intent, t.intent) = c.intent`, 'desc')
            .orderBy('t.created_at', 'desc')
            .limit(1)
            .as('topic'),
        (join) => join.onTrue(),
      )
      .select([
        'c.id',
        'c.org_id',
        'c.status',
        'c.intent',
        'c.private_consent',
        'c.idea_consent',
        'c.idea_title',
        'c.idea_id',
        'c.csat_score',
        'c.opened_at',
      ])
      .select(['first.first_text', 'first.first_post_id', 'topic.topic_text'])
      .where('c.customer_id', '=', customerId)
      .where('c.merged_into_id', 'is', null) // merged into another, which the customer sees instead
      .where((eb) =>
        eb.or([
          eb('c.intent', 'not in', [...nonActionable]),
          eb.exists(
            eb
              .selectFrom('care_messages as o')
              .select('o.id')
              .whereRef('o.conversation_id', '=', 'c.id')
              .where('o.direction', '=', 'out'),
          ),
        ]),
      )
      .orderBy('c.opened_at', 'desc')
      .limit(50)
      .execute()
  );
}

/** The thread of some conversations as their customer sees it: their messages and the brand's replies, no notes. */
export function customerThreads(db: Executor, customerId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('care_messages as m')
    .innerJoin('care_conversations as c', 'c.id', 'm.conversation_id')
    .select([
      'm.id',
      'm.conversation_id',
      'm.author_id',
      'm.direction',
      'm.visibility',
      'm.text',
      'm.post_id',
      'm.created_at',
    ])
    .where('c.customer_id', '=', customerId)
    .where('m.conversation_id', 'in', conversationIds)
    .where('m.direction', 'in', ['in', 'out'])
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
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

/** Keeps an agent's draft idea on the conversation and marks it asked, unless the customer was already asked. */
export async function requestIdea(
  db: Executor,
  id: string,
  title: string,
  description: string,
): Promise<boolean> {
  const r = await db
    .updateTable('care_conversations')
    .set({ idea_consent: 'requested', idea_title: title, idea_description: description })
    .where('id', '=', id)
    .where('idea_consent', 'in', ['none', 'declined'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function withdrawIdeaRequest(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('care_conversations')
    .set({ idea_consent: 'none' })
    .where('id', '=', id)
    .where('idea_consent', '=', 'requested')
    .execute();
}

/** Records the customer's answer to an open idea request; the draft when there was one. */
export function answerIdea(db: Executor, id: string, to: 'granted' | 'declined') {
  return db
    .updateTable('care_conversations')
    .set({ idea_consent: to })
    .where('id', '=', id)
    .where('idea_consent', '=', 'requested')
    .returning(['org_id', 'customer_id', 'idea_title', 'idea_description'])
    .executeTakeFirst();
}

export async function linkIdea(db: Executor, id: string, ideaId: string): Promise<void> {
  await db.updateTable('care_conversations').set({ idea_id: ideaId }).where('id', '=', id).execute();
}
