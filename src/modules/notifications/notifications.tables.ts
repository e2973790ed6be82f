import type { ColumnType, Generated } from 'kysely';

export type NotificationKind =
  | 'mention'
  | 'reply'
  | 'reshare'
  /** Someone quoted your post (post: the quote). */
  | 'quote'
  | 'like'
  | 'follow'
  /** A colleague @mentioned you in an internal note of a brand's care inbox (subject: the conversation). */
  | 'care_mention'
  /** A brand asks you to confirm an identity of yours on another network (subject: the proposed link). */
  | 'identity_link'
  /** What happened to an order you placed (subject: the order; org: the brand; detail: reason or amount). */
  | 'order_cancelled'
  | 'order_fulfilled'
  | 'order_refunded'
  /** A return you asked for moved a step (subject: the order; detail: status, item title, the brand's reason). */
  | 'order_return'
  /** An idea you voted for or followed shipped (subject: the idea; org: the brand; detail: title and products). */
  | 'idea_shipped'
  | 'rfp_pitch'
  | 'rfp_won'
  | 'rfp_lost'
  /** A listening topic of your brand spiked (subject: the topic; org: the brand; detail: topic name, size, why). */
  | 'listening_spike';

export interface NotificationsTable {
  id: string;
  recipient_id: string;
  kind: NotificationKind;
  actor_id: string;
  post_id: string | null;
  source_event_id: number;
  /** The brand a care notification comes from, and what it is about (a conversation, a proposed link). */
  org_id: Generated<string | null>;
  subject_id: Generated<string | null>;
  detail: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  read_at: Date | null;
}

/** A person's choice for one kind of notification; kinds without a row use the defaults (see preferences). */
export interface NotificationPreferencesTable {
  account_id: string;
  kind: NotificationKind;
  in_app: boolean;
  email: boolean;
  updated_at: Generated<Date>;
}

/** One row per notification mail queued: a redelivered event finds it and mails nothing again. */
export interface NotificationMailsTable {
  recipient_id: string;
  source_event_id: number;
  kind: NotificationKind;
  created_at: Generated<Date>;
}

/** The installation's key that signs unsubscribe links (created by its migration). */
export interface NotificationKeysTable {
  id: number;
  secret: string;
}

/** The kinds a notification may have (a row per kind: a module adding one inserts it in its migration). */
export interface NotificationKindsTable {
  kind: NotificationKind;
}

export type NotificationTables = {
  notifications: NotificationsTable;
  notification_kinds: NotificationKindsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_mails: NotificationMailsTable;
  notification_keys: NotificationKeysTable;
};
