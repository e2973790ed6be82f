import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ConversationStatus, Priority, RuleActions, RuleConditions } from './care.tables.ts';

export function queuesOf(db: Executor, orgId: string) {
  return db
    .selectFrom('care_queues')
    .select(['id', 'name', 'position'])
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
}

export async function insertQueues(
  db: Executor,
  rows: { id: string; org_id: string; name: string; position: number }[],
) {
  await db
    .insertInto('care_queues')
    .values(rows)
    .onConflict((oc) => oc.columns(['org_id', 'name']).doNothing())
    .execute();
}

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
  row: {
    id: string;
    org_id: string;
    name: string;
    position: number;
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

/** The conversation a new message joins: its thread's (reopened if resolved), else the customer's unresolved one. */
export async function conversationFor(db: Executor, orgId: string, customerId: string, threadRootId: string) {
  return db
    .selectFrom('care_conversations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .where('merged_into_id', 'is', null) // a merged conversation's thread goes on in the one it was merged into
    .where((eb) => eb.or([eb('status', '!=', 'resolved'), eb('thread_root_id', '=', threadRootId)]))
    .orderBy(sql`thread_root_id = ${threadRootId}`, 'desc')
    .orderBy(sql`status = 'resolved'`)
    .orderBy('opened_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
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
  row: {
    id: string;
    org_id: string;
    customer_id: string;
    queue_id: string | null;
    priority: Priority;
    assignee_id: string | null;
    intent: string;
    intent_confidence: number;
    sentiment: number;
    language: string;
    tags: string[];
    thread_root_id: string;
    previous_id: string | null;
    opened_at?: Date;
  },
) {
  await db
    .insertInto('care_conversations')
    .values({ ...row, last_customer_message_at: row.opened_at })
    .execute();
}

export async function updateConversation(
  db: Executor,
  id: string,
  patch: Partial<{
    status: ConversationStatus;
    priority: Priority;
    assignee_id: string | null;
    queue_id: string | null;
    intent: string;
    sentiment: number;
    tags: string[];
    last_customer_message_at: Date;
    first_response_at: Date;
    last_response_at: Date;
    resolved_at: Date | null;
    snoozed_until: Date | null;
  }>,
) {
  await db.updateTable('care_conversations').set(patch).where('id', '=', id).execute();
}

export async function insertMessage(
  db: Executor,
  row: {
    id: string;
    conversation_id: string;
    org_id: string;
    post_id: string | null;
    author_id: string;
    direction: 'in' | 'out' | 'note';
    visibility: string;
    text: string;
    intent?: string | null;
    intent_confidence?: number | null;
    sentiment?: number | null;
    products?: string[];
    competitors?: string[];
    mention_ids?: string[];
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('care_messages')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'post_id']).where('post_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

// Advisory lock classes (the two-key form, a space of its own): one brand's inbox, one customer's thread with it.
const ORG_LOCK = 7301;
const CUSTOMER_LOCK = 7302;

/** Serialises, until commit, what must see one brand's inbox whole: creating its queues, assigning in turn. */
export async function lockOrg(db: Executor, orgId: string) {
  await sql`SELECT pg_advisory_xact_lock(${ORG_LOCK}, hashtext(${orgId}))`.execute(db);
}

/** Serialises, until commit, the messages of one customer to one brand, so two never open two conversations. */
export async function lockCustomer(db: Executor, orgId: string, customerId: string) {
  await sql`SELECT pg_advisory_xact_lock(${CUSTOMER_LOCK}, hashtext(${`${orgId}:${customerId}`}))`.execute(
    db,
  );
}

export function findConversation(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('care_conversations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
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
  },
  cursor: string | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('care_conversations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('merged_into_id', 'is', null); // merged ones live on in their target
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.queueId) q = q.where('queue_id', '=', filter.queueId);
  if (filter.assigneeId) q = q.where('assignee_id', '=', filter.assigneeId);
  if (filter.customerId) q = q.where('customer_id', '=', filter.customerId);
  const snoozed = filter.snoozed ?? 'awake';
  if (snoozed === 'awake')
    q = q.where((eb) => eb.or([eb('snoozed_until', 'is', null), eb('snoozed_until', '<=', new Date())]));
  if (snoozed === 'only') q = q.where('snoozed_until', '>', new Date());
  if (cursor) q = q.where('id', '<', cursor);
  return q
    .orderBy('id', 'desc')
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

// --- agents and round-robin ---

export function agentsOf(db: Executor, orgId: string) {
  return db.selectFrom('care_agents').selectAll().where('org_id', '=', orgId).execute();
}

export async function upsertAgent(
  db: Executor,
  orgId: string,
  userId: string,
  patch: { status?: 'online' | 'away'; max_open?: number },
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

// --- canned replies, queues, customer side, reports ---

export function cannedOf(db: Executor, orgId: string) {
  return db
    .selectFrom('care_canned_replies')
    .select(['id', 'title', 'body'])
    .where('org_id', '=', orgId)
    .orderBy('title')
    .execute();
}

export async function insertCanned(
  db: Executor,
  row: { id: string; org_id: string; title: string; body: string },
) {
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

export function agentSetting(db: Executor, orgId: string, userId: string) {
  return db
    .selectFrom('care_agents')
    .select(['status', 'max_open'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
