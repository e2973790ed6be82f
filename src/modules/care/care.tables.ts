import type { ColumnType, Generated } from 'kysely';
import type { Intent } from '../../lib/triage/index.ts';
import type { CareIntentModelsTable } from './intent-models/intent-model.tables.ts';
import type {
  CareBusinessHoursTable,
  CareSlaPoliciesTable,
  ConversationSlaColumns,
} from './sla/sla.tables.ts';

export type ConversationStatus = 'open' | 'pending' | 'resolved';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export type RuleConditions = {
  intents?: Intent[];
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

/** What an agent may propose to turn a conversation into, with its author's consent. */
export type ConversionKind = 'idea' | 'rfp';
/** The draft of a conversion: an idea's title and description; a request's need, budget and deadline. */
export type ConversionPayload =
  | { title: string; description: string }
  | { title: string; details: string; budgetMinor: number; currency: string; deadline: string };

export interface CareConversationsTable extends ConversationSlaColumns {
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
  /**
   * An agent proposed to turn the conversation into something in the customer's name (an idea on the brand's
   * portal, a request for proposals): what (`conversion_kind`, the draft in `conversion_payload`), the customer's
   * answer, and what it became.
   */
  conversion_kind: Generated<ConversionKind | null>;
  conversion_consent: Generated<'none' | 'requested' | 'granted' | 'declined'>;
  conversion_payload: ColumnType<ConversionPayload | null, string | null | undefined, string | null>;
  conversion_target_id: Generated<string | null>;
  csat_score: number | null;
  csat_at: Date | null;
  /** Set when an agent merged this conversation into another one of the same customer; it is then closed. */
  merged_into_id: Generated<string | null>;
  merged_at: Generated<Date | null>;
  /** An agent moved it to its queue: triage of later messages leaves the queue alone. */
  queue_set_by_hand: Generated<boolean>;
  /** Triage was unsure of the intent: no queue, listed in Needs review until an agent chooses the intent. */
  needs_review: Generated<boolean>;
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
  /** Colleagues an internal note @mentioned (members who work the inbox only). */
  mention_ids: Generated<string[]>;
  created_at: Generated<Date>;
}

export interface CareActivityTable {
  id: string;
  org_id: string;
  conversation_id: string;
  /** Null when triage made the change (a customer's follow-up re-triaged the conversation). */
  actor_id: string | null;
  kind: 'merged_into' | 'merged_from' | 'triage_changed';
  other_conversation_id: string | null;
  /** What changed, in one line ("triage: question → complaint, priority normal → high"). */
  summary: string | null;
  created_at: Generated<Date>;
}

export interface CareInboxSettingsTable {
  org_id: string;
  public_reply_limit: Generated<number>;
  /** Calibrated confidence below which triage is unsure (Needs review); null: the shipped model's default. */
  unsure_below: Generated<number | null>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export type IdentityLinkStatus = 'pending' | 'confirmed' | 'declined' | 'removed';

export interface CareIdentityLinksTable {
  id: string;
  org_id: string;
  customer_id: string;
  network: string;
  handle: string;
  url: string | null;
  status: Generated<IdentityLinkStatus>;
  proposed_by: string;
  created_at: Generated<Date>;
  decided_at: Date | null;
}

export type CareTables = {
  care_queues: CareQueuesTable;
  care_rules: CareRulesTable;
  care_agents: CareAgentsTable;
  care_conversations: CareConversationsTable;
  care_messages: CareMessagesTable;
  care_canned_replies: CareCannedRepliesTable;
  care_activity: CareActivityTable;
  care_inbox_settings: CareInboxSettingsTable;
  care_identity_links: CareIdentityLinksTable;
  care_intent_models: CareIntentModelsTable;
  care_business_hours: CareBusinessHoursTable;
  care_sla_policies: CareSlaPoliciesTable;
};
