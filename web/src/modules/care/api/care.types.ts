import type { Account, AccountSummary, OrgRole } from '../../identity/api/identity.types.ts';

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

export type Queue = { id: string; name: string; position: number };

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
  sla: { firstResponseDueAt: string; breached: boolean };
};

export type MessageDirection = 'in' | 'out' | 'note';

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
  createdAt: string;
};

export type Customer360 = {
  profile: Account | null;
  followersCount: number;
  conversations: { id: string; status: ConversationStatus; intent: string | null; openedAt: string }[];
  orders: number;
  spendMinor: number;
  currency: string | null;
  dealIds: string[];
  lifetimeValue: { historicMinor: number; predictedMinor: number; totalMinor: number };
};

export type ConversationDetail = Conversation & { messages: CareMessage[]; customer360: Customer360 };

export type ConversationFilter = { status: ConversationStatus; queueId?: string; mine?: boolean };

export type ConversationPatch = {
  status?: ConversationStatus;
  priority?: Priority;
  tags?: string[];
  assignee?: string | null;
  queueId?: string;
};

export type ReplyMode = 'public' | 'private';
/** The server holds public replies to 280 characters; private ones to 500. */
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

export type Rule = {
  id: string;
  name: string;
  position: number;
  conditions: RuleConditions;
  actions: RuleActions;
  enabled: boolean;
};

export type RuleInput = { name: string; conditions: RuleConditions; actions: RuleActions };

export type RuleTestResult = {
  tested: number;
  matched: number;
  examples: { messageId: string; text: string; intent: string | null }[];
};
