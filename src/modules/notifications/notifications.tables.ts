import type { Generated } from 'kysely';

export type NotificationKind = 'mention' | 'reply' | 'reshare' | 'like' | 'follow';

export interface NotificationsTable {
  id: string;
  recipient_id: string;
  kind: NotificationKind;
  actor_id: string;
  post_id: string | null;
  source_event_id: number;
  created_at: Generated<Date>;
  read_at: Date | null;
}

export type NotificationTables = { notifications: NotificationsTable };
