import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE notifications (
      id uuid PRIMARY KEY,
      recipient_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('mention', 'reply', 'reshare', 'like', 'follow')),
      actor_id uuid NOT NULL,
      post_id uuid,
      source_event_id bigint NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    );
    CREATE UNIQUE INDEX notifications_once ON notifications (recipient_id, source_event_id, kind);
    CREATE INDEX notifications_recipient ON notifications (recipient_id, id DESC);
    CREATE INDEX notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE notifications;');
}
