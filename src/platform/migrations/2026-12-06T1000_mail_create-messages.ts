import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Every message the platform sends is a row, written in the transaction of the change it tells about and sent
// after commit by the mail module's sender. Without SMTP_URL the row is the delivery: the local outbox.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `CREATE TABLE mail_messages (
      id uuid PRIMARY KEY,
      to_address text NOT NULL,
      subject text NOT NULL,
      text_body text,
      html_body text,
      transport text NOT NULL CHECK (transport IN ('smtp', 'outbox')),
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text
    );
    CREATE INDEX mail_messages_unsent ON mail_messages (next_attempt_at) WHERE sent_at IS NULL;
    CREATE INDEX mail_messages_recent ON mail_messages (created_at DESC, id DESC);`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE mail_messages;');
}
