import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { CareConversationsTable, CareMessagesTable, ConversationStatus } from '../care.tables.ts';

/**
 * The conversation a new message joins: its thread's (reopened if resolved), else the customer's unresolved one, else
 * their mention.
 */
export async function conversationFor(db: Executor, orgId: string, customerId: string, threadRootId: string) {
  return (
    db
      .selectFrom('care_conversations')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('customer_id', '=', customerId)
      .where('merged_into_id', 'is', null) // a merged conversation's thread goes on in the one it was merged into
      // A mention (praise or chatter, resolved from the start) is still the customer's running conversation: what
      // they write next joins it (and makes it a case if it asks something) rather than splitting off.
      .where((eb) =>
        eb.or([
          eb('status', '!=', 'resolved'),
          eb('thread_root_id', '=', threadRootId),
          sql<boolean>`'mention' = ANY(tags)`,
        ]),
      )
      .orderBy(sql`thread_root_id = ${threadRootId}`, 'desc')
      .orderBy(sql`status = 'resolved'`)
      .orderBy('opened_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst()
  );
}

export function lastConversation(db: Executor, orgId: string, customerId: string) {
  return db
    .selectFrom('care_conversations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .orderBy('opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function conversationByThread(db: Executor, orgId: string, threadRootId: string) {
  return db
    .selectFrom('care_conversations')
    .select((eb) => eb.fn.coalesce('merged_into_id', 'id').as('id'))
    .where('org_id', '=', orgId)
    .where('thread_root_id', '=', threadRootId)
    .orderBy('opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertConversation(
  db: Executor,
  row: Insertable<CareConversationsTable> & { thread_root_id: string },
) {
  await db
    .insertInto('care_conversations')
    .values({ ...row, last_customer_message_at: row.opened_at })
    .execute();
}

export async function updateConversation(
  db: Executor,
  id: string,
  patch: Updateable<CareConversationsTable>,
) {
  await db.updateTable('care_conversations').set(patch).where('id', '=', id).execute();
}

export async function insertMessage(db: Executor, row: Insertable<CareMessagesTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('care_messages')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'post_id']).where('post_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findConversation(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('care_conversations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The conversation holding a customer's post (a message of it, not merged away). */
export function conversationByPost(db: Executor, orgId: string, postId: string) {
  return db
    .selectFrom('care_messages as msg')
    .innerJoin('care_conversations as c', 'c.id', 'msg.conversation_id')
    .select(['c.id'])
    .where('msg.org_id', '=', orgId)
    .where('msg.post_id', '=', postId)
    .where('msg.direction', '=', 'in')
    .orderBy('c.opened_at', 'desc')
    .executeTakeFirst();
}

export function messagesOf(db: Executor, conversationId: string) {
  return db
    .selectFrom('care_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export type ConversationSort = 'urgency' | 'newest' | 'oldest';

/** Priority as a number for sorting: urgent first. */
const priorityRank = sql<number>`CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;
/** The due time to sort by: a conversation with no running clock comes after every due one. */
const dueKey = sql<Date>`coalesce(sla_due_at, 'infinity'::timestamptz)`;

/** Where a page ends, for each sort: the last row's sort key (see `sortKeyOf`). */
export type ListCursor =
  | { sort: 'newest' | 'oldest'; id: string }
  | { sort: 'urgency'; due: string; rank: number; id: string };

export function listConversations(
  db: Executor,
  orgId: string,
  filter: {
    status?: ConversationStatus;
    queueId?: string;
    assigneeId?: string;
    customerId?: string;
    /** `awake` (the default) leaves snoozed conversations out, `only` lists them alone, `all` both. */
    snoozed?: 'awake' | 'only' | 'all';
    /** true: only those triage was unsure of, not yet reviewed (Needs review). */
    needsReview?: boolean;
    /** Only conversations about these intents (what a sales member works). */
    intents?: readonly string[];
  },
  cursor: ListCursor | undefined,
  limit: number,
  sort: ConversationSort = 'newest',
) {
  let q = db
    .selectFrom('care_conversations')
    .selectAll()
    .select(priorityRank.as('priority_rank'))
    .where('org_id', '=', orgId)
    .where('merged_into_id', 'is', null); // merged ones live on in their target
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.queueId) q = q.where('queue_id', '=', filter.queueId);
  if (filter.needsReview !== undefined) q = q.where('needs_review', '=', filter.needsReview);
  if (filter.assigneeId) q = q.where('assignee_id', '=', filter.assigneeId);
  if (filter.customerId) q = q.where('customer_id', '=', filter.customerId);
  if (filter.intents) q = q.where('intent', 'in', [...filter.intents]);
  const snoozed = filter.snoozed ?? 'awake';
  if (snoozed === 'awake')
    q = q.where((eb) => eb.or([eb('snoozed_until', 'is', null), eb('snoozed_until', '<=', new Date())]));
  if (snoozed === 'only') q = q.where('snoozed_until', '>', new Date());
  if (sort === 'urgency') {
    // Past due first (the earliest due is the longest breached), then soonest due; priority breaks ties. One
    // row comparison over the same keys as the ORDER BY keeps the pages exact.
    if (cursor?.sort === 'urgency')
      q = q.where(
        sql<boolean>`(${dueKey}, ${priorityRank}, id) > (${cursor.due}::timestamptz, ${cursor.rank}, ${cursor.id}::uuid)`,
      );
    return q
      .orderBy(dueKey)
      .orderBy(priorityRank)
      .orderBy('id')
      .limit(limit + 1)
      .execute();
  }
  if (cursor && cursor.sort !== 'urgency') q = q.where('id', sort === 'oldest' ? '>' : '<', cursor.id);
  return q
    .orderBy('id', sort === 'oldest' ? 'asc' : 'desc')
    .limit(limit + 1)
    .execute();
}

export async function correctIntent(
  db: Executor,
  orgId: string,
  messageId: string,
  intent: string,
  by: string,
): Promise<boolean> {
  const r = await db
    .updateTable('care_messages')
    .set({ corrected_intent: intent, corrected_by: by })
    .where('org_id', '=', orgId)
    .where('id', '=', messageId)
    .where('direction', '=', 'in')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Stamps a brand response: the first one stops the first-response clock, every one the next-response clock. */
export async function recordResponse(db: Executor, conversationId: string, at: Date) {
  await db
    .updateTable('care_conversations')
    .set((eb) => ({
      first_response_at: eb.fn.coalesce('first_response_at', sql<Date>`${at}::timestamptz`),
      last_response_at: at,
    }))
    .where('id', '=', conversationId)
    .execute();
}

export function firstInbound(db: Executor, conversationId: string) {
  return db
    .selectFrom('care_messages')
    .select(['visibility'])
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/** A conversation's customer, intent, consent to go private and its latest message from the customer. */
export async function conversationFacts(db: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('care_conversations as c')
    .select(['c.id', 'c.customer_id', 'c.intent', 'c.status', 'c.private_consent', 'c.opened_at'])
    .select((eb) =>
      eb
        .selectFrom('care_messages as m')
        .select('m.text')
        .whereRef('m.conversation_id', '=', 'c.id')
        .where('m.direction', '=', 'in')
        .orderBy('m.created_at', 'desc')
        .limit(1)
        .as('last_in_text'),
    )
    .where('c.org_id', '=', orgId)
    .where('c.id', 'in', ids)
    .execute();
}

/** The brand's open conversations of one intent (the VRM queue: `product_price_request`), newest first. */
export async function conversationsOfIntent(db: Executor, orgId: string, intent: string, limit: number) {
  const rows = await db
    .selectFrom('care_conversations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('intent', '=', intent)
    .where('merged_into_id', 'is', null)
    .where('status', '!=', 'resolved')
    .orderBy('opened_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The conversation a post became part of (a request may join the customer's open conversation), if any. */
export function conversationOfPost(db: Executor, orgId: string, postId: string) {
  return db
    .selectFrom('care_messages as m')
    .innerJoin('care_conversations as c', 'c.id', 'm.conversation_id')
    .select((eb) => eb.fn.coalesce('c.merged_into_id', 'c.id').as('id'))
    .where('m.org_id', '=', orgId)
    .where('m.post_id', '=', postId)
    .limit(1)
    .executeTakeFirst();
}
