import type { Intent } from '../../../lib/triage/index.ts';
import type { Priority, RuleActions, RuleConditions } from '../care.tables.ts';

/** The queues every brand starts with, matching how social care teams split the work. */
export const DEFAULT_QUEUES = ['Chat', 'Product & price requests', 'Service', 'Sales', 'Ideas'] as const;

const QUEUE_BY_INTENT: Record<Intent, (typeof DEFAULT_QUEUES)[number]> = {
  question: 'Service',
  complaint: 'Service',
  purchase_intent: 'Sales',
  product_price_request: 'Product & price requests',
  rfp: 'Sales',
  idea: 'Ideas',
  praise: 'Chat',
  chatter: 'Chat',
};

export function defaultQueueName(intent: Intent): string {
  return QUEUE_BY_INTENT[intent];
}

/**
 * How urgent each intent is for a conversation, most urgent first: the one place this order is defined. A
 * complaint outranks a question, a question the rest; praise and chatter ask nothing of the brand.
 */
export const INTENT_URGENCY: readonly Intent[] = [
  'complaint',
  'question',
  'rfp',
  'purchase_intent',
  'product_price_request',
  'idea',
  'praise',
  'chatter',
];

/** Intents that ask nothing of the brand: a conversation of only these is a mention, not a case. */
export const NON_ACTIONABLE_INTENTS: readonly string[] = ['praise', 'chatter'];

export const isActionable = (intent: string) => !NON_ACTIONABLE_INTENTS.includes(intent);

const urgencyRank = (intent: string) => {
  const i = (INTENT_URGENCY as readonly string[]).indexOf(intent);
  return i === -1 ? INTENT_URGENCY.length : i;
};

export const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

export function higherPriority(a: Priority, b: Priority): Priority {
  return PRIORITY_RANK[a] >= PRIORITY_RANK[b] ? a : b;
}

export type TriagedMessage = {
  direction: 'in' | 'out' | 'note';
  text: string;
  intent: string | null;
  corrected_intent: string | null;
  intent_confidence: number | null;
  sentiment: number | null;
};

/**
 * A conversation's triage from its messages (oldest first): the open ones are the customer's messages since the
 * brand last answered. The most urgent open intent (an agent's correction counts over the model's) and the latest
 * sentiment decide; the text of every open message is what keyword rules look at.
 */
export function conversationTriage(messages: TriagedMessage[]) {
  const lastOut = messages.map((m) => m.direction).lastIndexOf('out');
  const inbound = messages.filter((m) => m.direction === 'in' && (m.corrected_intent ?? m.intent));
  let open = messages
    .slice(lastOut + 1)
    .filter((m) => m.direction === 'in' && (m.corrected_intent ?? m.intent));
  if (open.length === 0) open = inbound.slice(-1);
  if (open.length === 0) return null;
  const intentOf = (m: TriagedMessage) => (m.corrected_intent ?? m.intent) as Intent;
  // Ties go to the later message: the customer's newest words on the same urgency.
  const top = open.reduce((best, m) => (urgencyRank(intentOf(m)) <= urgencyRank(intentOf(best)) ? m : best));
  const latest = open[open.length - 1];
  return {
    intent: intentOf(top),
    intentConfidence: top.corrected_intent ? 1 : (top.intent_confidence ?? 0),
    sentiment: latest.sentiment ?? 0,
    text: open.map((m) => m.text).join('\n'),
  };
}

/** Angry complaints first: sentiment sets the starting priority before any rule. */
export function defaultPriority(intent: Intent, sentiment: number): Priority {
  if (intent === 'complaint' && sentiment <= -0.6) return 'urgent';
  if (sentiment <= -0.4) return 'high';
  return 'normal';
}

export type RoutedMessage = {
  intent: string;
  sentiment: number;
  text: string;
  language: string;
  followers: number;
  lifetimeValueMinor: number;
};
export type Rule = { id: string; name: string; conditions: RuleConditions; actions: RuleActions };

export function matches(conditions: RuleConditions, m: RoutedMessage): boolean {
  const text = m.text.toLowerCase();
  return (
    (!conditions.intents?.length || (conditions.intents as readonly string[]).includes(m.intent)) &&
    (conditions.sentimentBelow === undefined || m.sentiment < conditions.sentimentBelow) &&
    (!conditions.keywords?.length || conditions.keywords.some((k) => text.includes(k.toLowerCase()))) &&
    (!conditions.languages?.length || conditions.languages.includes(m.language)) &&
    (conditions.minFollowers === undefined || m.followers >= conditions.minFollowers) &&
    (conditions.minLifetimeValueMinor === undefined ||
      m.lifetimeValueMinor >= conditions.minLifetimeValueMinor)
  );
}

/**
 * Runs the rules in order over a message: every matching rule applies, a later one overriding queue, priority
 * and assignee, and tags adding up. Returns the rules that matched, so admins can test a rule before saving it.
 */
export function route(
  rules: Rule[],
  m: RoutedMessage,
  start: { queueId: string | null; priority: Priority },
) {
  const result = {
    queueId: start.queueId,
    priority: start.priority,
    tags: [] as string[],
    assigneeId: null as string | null,
    matched: [] as string[],
  };
  for (const rule of rules) {
    if (!matches(rule.conditions, m)) continue;
    result.matched.push(rule.id);
    if (rule.actions.queueId) result.queueId = rule.actions.queueId;
    if (rule.actions.priority) result.priority = rule.actions.priority;
    if (rule.actions.assigneeId) result.assigneeId = rule.actions.assigneeId;
    for (const tag of rule.actions.tags ?? []) if (!result.tags.includes(tag)) result.tags.push(tag);
  }
  return result;
}
