import type { ColumnType, Generated } from 'kysely';

export type ConversationStatus = 'open' | 'pending' | 'resolved';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export type RuleConditions = {
  intents?: string[];
  /** Matches when the message's sentiment is below this (−1..1). */
  sentimentBelow?: number;
  /** Matches when any keyword appears in the text (case-insensitive). */
  keywords?: string[];
  languages?: string[];
  minFollowers?: number;
  minLifetimeValueMinor?: number;
};
export type RuleActions = { queueId?: string; priority?: Priority; tags?: string[]; assigneeId?: string };

export interface CareQueuesTable {
  id: string;
  org_id: string;
  name: string;
  position: Generated<number>;
  created_at: Generated<Date>;
}

export interface CareRulesTable {
  id: string;
  org_id: string;
  position: number;
  name: string;
  conditions: ColumnType<RuleConditions, string, string>;
  actions: ColumnType<RuleActions, string, string>;
  enabled: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface CareAgentsTable {
  org_id: string;
  user_id: string;
  status: Generated<'online' | 'away'>;
  max_open: Generated<number>;
  last_assigned_at: Date | null;
}

export interface CareConversationsTable {
  id: string;
  org_id: string;
  customer_id: string;
  queue_id: string | null;
  status: Generated<ConversationStatus>;
  priority: Generated<Priority>;
  assignee_id: string | null;
  intent: string;
  intent_confidence: number;
  sentiment: number;
  language: string;
  tags: Generated<string[]>;
  thread_root_id: string | null;
  previous_id: string | null;
  opened_at: Generated<Date>;
  last_customer_message_at: Generated<Date>;
  first_response_at: Date | null;
  last_response_at: Date | null;
  resolved_at: Date | null;
  snoozed_until: Date | null;
  private_consent: Generated<'none' | 'requested' | 'granted' | 'declined'>;
  csat_score: number | null;
  csat_at: Date | null;
}

export interface CareCannedRepliesTable {
  id: string;
  org_id: string;
  title: string;
  body: string;
  created_at: Generated<Date>;
}

export interface CareMessagesTable {
  id: string;
  conversation_id: string;
  org_id: string;
  post_id: string | null;
  author_id: string;
  direction: 'in' | 'out' | 'note';
  visibility: string;
  text: string;
  intent: string | null;
  intent_confidence: number | null;
  corrected_intent: string | null;
  corrected_by: string | null;
  sentiment: number | null;
  products: Generated<string[]>;
  competitors: Generated<string[]>;
  created_at: Generated<Date>;
}

export type CareTables = {
  care_queues: CareQueuesTable;
  care_rules: CareRulesTable;
  care_agents: CareAgentsTable;
  care_conversations: CareConversationsTable;
  care_messages: CareMessagesTable;
  care_canned_replies: CareCannedRepliesTable;
};
