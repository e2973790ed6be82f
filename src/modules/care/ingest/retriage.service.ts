import type { Executor } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import type { Priority } from '../care.tables.ts';
import * as repo from '../inbox/conversations.repo.ts';
import { insertActivity } from '../merge/merge.repo.ts';
import { queuesOf } from '../workflow/queues.repo.ts';
import {
  conversationTriage,
  defaultPriority,
  defaultQueueName,
  higherPriority,
  isActionable,
  route,
} from '../workflow/routing.policy.ts';
import { rulesOf } from '../workflow/rules.repo.ts';

type ConversationRow = NonNullable<Awaited<ReturnType<typeof repo.findConversation>>>;

/** What routing rules may look at besides the messages: who the customer is. */
export type CustomerFacts = { language: string; followers: number; lifetimeValueMinor: number };

/**
 * Re-triages a conversation after a customer's follow-up: its intent and sentiment follow its open messages
 * (`conversationTriage`), its priority only ever escalates (an agent lowers it by hand, and triage never goes below
 * that), its queue moves when the intent changed or a rule sends it elsewhere, unless an agent moved it by hand.
 * Every change of intent, priority or queue is written to the conversation's activity. Call it before the SLA
 * clocks are refreshed, so their due times follow the new queue and priority.
 */
export async function retriage(trx: Executor, orgId: string, before: ConversationRow, facts: CustomerFacts) {
  const triage = conversationTriage(await repo.messagesOf(trx, before.id));
  if (!triage) return;
  const queues = await queuesOf(trx, orgId);
  const byName = new Map(queues.map((q) => [q.name, q.id]));
  const rules = (await rulesOf(trx, orgId)).filter((r) => r.enabled);
  const routed = route(
    rules,
    { intent: triage.intent, sentiment: triage.sentiment, text: triage.text, ...facts },
    {
      queueId: byName.get(defaultQueueName(triage.intent)) ?? before.queue_id,
      priority: defaultPriority(triage.intent, triage.sentiment),
    },
  );
  const intentChanged = triage.intent !== before.intent;
  const ruleMovesQueue = rules.some((r) => routed.matched.includes(r.id) && r.actions.queueId);
  const queueId =
    !before.queue_set_by_hand && (intentChanged || ruleMovesQueue) ? routed.queueId : before.queue_id;
  const priority: Priority = higherPriority(before.priority, routed.priority);
  await repo.updateConversation(trx, before.id, {
    intent: triage.intent,
    intent_confidence: triage.intentConfidence,
    sentiment: triage.sentiment,
    language: facts.language,
    priority,
    queue_id: queueId,
    // A mention that became a case is no longer a mention.
    tags: [...new Set([...before.tags, ...routed.tags])].filter(
      (t) => t !== 'mention' || !isActionable(triage.intent),
    ),
  });
  const name = (id: string | null) => queues.find((q) => q.id === id)?.name ?? 'none';
  const changes = [
    ...(intentChanged ? [`triage: ${before.intent} → ${triage.intent}`] : []),
    ...(priority !== before.priority ? [`priority ${before.priority} → ${priority}`] : []),
    ...(queueId !== before.queue_id ? [`queue ${name(before.queue_id)} → ${name(queueId)}`] : []),
  ];
  if (changes.length === 0) return;
  await insertActivity(trx, [
    {
      id: newId(),
      org_id: orgId,
      conversation_id: before.id,
      actor_id: null,
      kind: 'triage_changed',
      other_conversation_id: null,
      summary: changes.join(', '),
    },
  ]);
}
