import type { ColumnType, Generated } from 'kysely';

export type NotificationKind =
  | 'mention'
  | 'reply'
  | 'reshare'
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
  | 'idea_shipped';

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

export type NotificationTables = { notifications: NotificationsTable };
