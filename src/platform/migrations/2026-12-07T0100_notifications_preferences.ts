import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Notification preferences: one row per person and kind they changed (the defaults live in code), a record of
// the mail sent per notification (so a redelivered event mails once), and the installation's key that signs
// the unsubscribe links in those mails (random per installation, shared by every server process).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `CREATE TABLE notification_preferences (
      account_id uuid NOT NULL,
      kind text NOT NULL,
      in_app boolean NOT NULL,
      email boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (account_id, kind)
    );
    CREATE TABLE notification_mails (
      recipient_id uuid NOT NULL,
      source_event_id bigint NOT NULL,
      kind text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (recipient_id, source_event_id, kind)
    );
    CREATE TABLE notification_keys (
      id int PRIMARY KEY CHECK (id = 1),
      secret text NOT NULL
    );
    INSERT INTO notification_keys (id, secret)
      VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `DROP TABLE notification_keys;
    DROP TABLE notification_mails;
    DROP TABLE notification_preferences;`,
  );
}
