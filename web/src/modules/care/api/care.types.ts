import type { ApiResponse } from '../../../shared/api/types.ts';
import type { Account, AccountSummary, OrgRole } from '../../identity/index.ts';
import type { ConversationActivity, IdentityLink } from './care-extras.types.ts';
import type { ConversationSla } from './sla.types.ts';

export const INTENTS = [
  'question',
  'complaint',
  'purchase_intent',
  'product_price_request',
  'rfp',
  'idea',
  'praise',
  'chatter',
] as const;
export type Intent = (typeof INTENTS)[number];

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

export const intentLabel = (intent: string | null): string =>
  intent ? (INTENT_LABELS[intent as Intent] ?? intent) : 'Unclassified';

/** Roles that work a brand's care inbox. */
export const INBOX_ROLES: OrgRole[] = ['owner', 'admin', 'agent'];
/** Roles that may add and remove routing rules. */
export const RULE_ROLES: OrgRole[] = ['owner', 'admin'];

export type ConversationStatus = 'open' | 'pending' | 'resolved';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];

// generated once GET /orgs/{handle}/care/queues has a response schema
export type Queue = { id: string; name: string; position: number };

/** Whether the customer agreed to continue by direct message: private replies wait for `granted`. */
export type PrivateConsent = 'none' | 'requested' | 'granted' | 'declined';

// generated once GET /orgs/{handle}/care/conversations has a response schema
export type Conversation = {
  id: string;
  customer: AccountSummary | null;
  queue: { id: string; name: string } | null;
  status: ConversationStatus;
  priority: Priority;
  assignee: AccountSummary | null;
  intent: string | null;
  intentConfidence: number | null;
  /** −1 (negative) … 1 (positive). */
  sentiment: number | null;
  language: string | null;
  tags: string[];
  previousId: string | null;
  openedAt: string;
  lastCustomerMessageAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  /** Hidden from the inbox until then, or until the customer writes again. */
  snoozedUntil: string | null;
  privateConsent: PrivateConsent;
  /** The customer's rating (1–5) once they gave one. */
  csat: number | null;
  sla: ConversationSla;
  /** Set once an agent merged this conversation into another; it is closed and its messages live there. */
  mergedIntoId: string | null;
  mergedAt: string | null;
};

/** Snoozed into the future (a snooze in the past has woken up). */
export const isSnoozed = (c: Pick<Conversation, 'snoozedUntil'>, now = Date.now()) =>
  c.snoozedUntil !== null && Date.parse(c.snoozedUntil) > now;

export type MessageDirection = 'in' | 'out' | 'note';

// generated once GET /orgs/{handle}/care/conversations/{id} has a response schema
export type CareMessage = {
  id: string;
  postId: string | null;
  author: AccountSummary | null;
  direction: MessageDirection;
  visibility: string;
  text: string;
  intent: string | null;
  intentCorrected: boolean;
  sentiment: number | null;
  /** Colleagues an internal note @mentioned (and notified). */
  mentions: AccountSummary[];
  createdAt: string;
};

// generated once GET /orgs/{handle}/care/conversations/{id} has a response schema
export type Customer360 = {
  profile: Account | null;
  followersCount: number;
  conversations: { id: string; status: ConversationStatus; intent: string | null; openedAt: string }[];
  orders: number;
  spendMinor: number;
  currency: string | null;
  dealIds: string[];
  /** The customer's newest orders with this brand (up to 10), newest first. */
  recentOrders: ApiResponse<'/orgs/{handle}/care/conversations/{id}'>['customer360']['recentOrders'];
  /** Spend to date plus a 12-month estimate, with its basis, range and confidence (none while too early). */
  lifetimeValue: ApiResponse<'/orgs/{handle}/care/conversations/{id}'>['customer360']['lifetimeValue'];
  /** Identities on other networks the person confirmed to this brand. */
  linkedIdentities: IdentityLink[];
  /** Proposed, waiting for the person's answer: not linked. */
  pendingIdentities: IdentityLink[];
};

// generated once GET /orgs/{handle}/care/conversations/{id} has a response schema
export type ConversationDetail = Conversation & {
  messages: CareMessage[];
  activity: ConversationActivity[];
  customer360: Customer360;
};

/** `snoozed` lists only conversations snoozed into the future, of every status. */
export type ConversationFilter = {
  status?: ConversationStatus;
  queueId?: string;
  mine?: boolean;
  snoozed?: boolean;
  sort?: ConversationSort;
};

/** How the inbox list is ordered: urgency (SLA due time, then priority) is the inbox's default. */
export type ConversationSort = 'urgency' | 'newest' | 'oldest';
export const CONVERSATION_SORTS: { value: ConversationSort; label: string }[] = [
  { value: 'urgency', label: 'Most urgent' },
  { value: 'newest', label: 'Newest' },
  { value: 'oldest', label: 'Oldest' },
];

export type ConversationPatch = {
  status?: ConversationStatus;
  priority?: Priority;
  tags?: string[];
  assignee?: string | null;
  queueId?: string;
  /** ISO time to hide the conversation until; null wakes it up. */
  snoozedUntil?: string | null;
};

export type ReplyMode = 'public' | 'private';
/** Defaults until the brand's settings load: public replies 280 characters (each brand sets its own), private 500. */
export const REPLY_LIMITS: Record<ReplyMode, number> = { public: 280, private: 500 };

export type RuleConditions = {
  intents?: Intent[];
  sentimentBelow?: number;
  keywords?: string[];
  languages?: string[];
  minFollowers?: number;
  minLifetimeValueMinor?: number;
};

export type RuleActions = { queueId?: string; priority?: Priority; tags?: string[]; assigneeId?: string };

// generated once GET /orgs/{handle}/care/rules has a response schema
export type Rule = {
  id: string;
  name: string;
  position: number;
  conditions: RuleConditions;
  actions: RuleActions;
  enabled: boolean;
};

export type RuleInput = { name: string; conditions: RuleConditions; actions: RuleActions };

// generated once POST /orgs/{handle}/care/rules/test has a response schema
export type RuleTestResult = {
  tested: number;
  matched: number;
  examples: { messageId: string; text: string; intent: string | null }[];
};
