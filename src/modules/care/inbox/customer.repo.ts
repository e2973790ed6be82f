import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ConversionKind, ConversionPayload } from '../care.tables.ts';

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
        'c.conversion_kind',
        'c.conversion_consent',
        'c.conversion_payload',
        'c.conversion_target_id',
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

/**
 * Keeps an agent's proposal on the conversation and marks it asked, unless the customer is being asked already or
 * already said yes (a declined proposal may be made again, of either kind).
 */
export async function requestConversion(
  db: Executor,
  id: string,
  kind: ConversionKind,
  payload: ConversionPayload,
): Promise<boolean> {
  const r = await db
    .updateTable('care_conversations')
    .set({
      conversion_kind: kind,
      conversion_consent: 'requested',
      conversion_payload: JSON.stringify(payload),
      conversion_target_id: null,
    })
    .where('id', '=', id)
    .where('conversion_consent', 'in', ['none', 'declined'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Takes back a proposal the customer has not answered. */
export async function withdrawConversion(db: Executor, id: string): Promise<boolean> {
  const r = await db
    .updateTable('care_conversations')
    .set({ conversion_consent: 'none', conversion_kind: null, conversion_payload: null })
    .where('id', '=', id)
    .where('conversion_consent', '=', 'requested')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Moves an answer `from` one state `to` another; the proposal when it did. */
export function answerConversion(
  db: Executor,
  id: string,
  from: 'requested' | 'granted',
  to: 'requested' | 'granted' | 'declined',
) {
  return db
    .updateTable('care_conversations')
    .set({ conversion_consent: to })
    .where('id', '=', id)
    .where('conversion_consent', '=', from)
    .returning(['org_id', 'customer_id', 'conversion_kind', 'conversion_payload'])
    .executeTakeFirst();
}

export async function linkConversion(db: Executor, id: string, targetId: string): Promise<void> {
  await db
    .updateTable('care_conversations')
    .set({ conversion_target_id: targetId })
    .where('id', '=', id)
    .execute();
}
