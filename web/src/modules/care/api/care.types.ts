import type { ApiBody, ApiQuery, ApiResponse } from '../../../shared/api/types.ts';
import type { OrgRole } from '../../identity/index.ts';

/** The intents triage knows, as routing rules name them. */
export type Intent = NonNullable<RuleConditions['intents']>[number];
export const INTENTS: readonly Intent[] = [
  'question',
  'complaint',
  'purchase_intent',
  'product_price_request',
  'rfp',
  'idea',
  'praise',
  'chatter',
];

export const INTENT_LABELS: Record<Intent, string> = {
  question: 'Question',
  complaint: 'Complaint',
  purchase_intent: 'Purchase intent',
  product_price_request: 'Product & price',
  rfp: 'Request for proposal',
  idea: 'Idea',
  praise: 'Praise',
  chatter: 'Chatter',
};

// Looked up by any string: a message may carry an intent a retrained model added.
const LABELS_BY_NAME: Partial<Record<string, string>> = INTENT_LABELS;

export const intentLabel = (intent: string | null): string =>
  intent ? (LABELS_BY_NAME[intent] ?? intent) : 'Unclassified';

/** Roles that work a brand's care inbox. */
export const INBOX_ROLES: OrgRole[] = ['owner', 'admin', 'agent'];
/** Roles that work only the conversations care routes to sales (requests for proposals, price requests). */
export const SALES_INBOX_ROLES: OrgRole[] = ['sales'];
/** Roles that may add and remove routing rules. */
export const RULE_ROLES: OrgRole[] = ['owner', 'admin'];

/** A conversation as the inbox lists it, with its SLA state. */
export type Conversation = ApiResponse<'/orgs/{handle}/care/conversations'>['items'][number];

export type ConversationStatus = Conversation['status'];
export type Priority = Conversation['priority'];
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];

export type Queue = ApiResponse<'/orgs/{handle}/care/queues'>['items'][number];

/** Whether the customer agreed to continue by direct message: private replies wait for `granted`. */
export type PrivateConsent = Conversation['privateConsent'];

/** Snoozed into the future (a snooze in the past has woken up). */
export const isSnoozed = (c: Pick<Conversation, 'snoozedUntil'>, now = Date.now()) =>
  c.snoozedUntil !== null && Date.parse(c.snoozedUntil) > now;

/** A conversation with its messages, its activity (merges) and the customer 360. */
export type ConversationDetail = ApiResponse<'/orgs/{handle}/care/conversations/{id}'>;

export type CareMessage = ConversationDetail['messages'][number];

export type MessageDirection = CareMessage['direction'];

export type Customer360 = ConversationDetail['customer360'];

/** `snoozed` lists only conversations snoozed into the future, of every status. */
export type ConversationFilter = Omit<ApiQuery<'/orgs/{handle}/care/conversations'>, 'cursor' | 'limit'>;

/** How the inbox list is ordered: urgency (SLA due time, then priority) is the inbox's default. */
export type ConversationSort = NonNullable<ConversationFilter['sort']>;
export const CONVERSATION_SORTS: { value: ConversationSort; label: string }[] = [
  { value: 'urgency', label: 'Most urgent' },
  { value: 'newest', label: 'Newest' },
  { value: 'oldest', label: 'Oldest' },
];

export type ConversationPatch = ApiBody<'/orgs/{handle}/care/conversations/{id}', 'patch'>;

export type ReplyMode = ApiBody<'/orgs/{handle}/care/conversations/{id}/replies'>['mode'];
/** Defaults until the brand's settings load: public replies 280 characters (each brand sets its own), private 500. */
export const REPLY_LIMITS: Record<ReplyMode, number> = { public: 280, private: 500 };

export type Rule = ApiResponse<'/orgs/{handle}/care/rules'>['items'][number];

export type RuleConditions = Rule['conditions'];

export type RuleActions = Rule['actions'];

export type RuleInput = ApiBody<'/orgs/{handle}/care/rules'>;

export type RuleTestResult = ApiResponse<'/orgs/{handle}/care/rules/test', 'post'>;
