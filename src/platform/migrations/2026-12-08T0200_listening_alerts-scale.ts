import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Listening at scale and its alerts: a brand's choice of alert channels for spikes (in the app, a signed webhook,
// mail to addresses), one delivery row per spike and channel (a redelivered event alerts once; failures are kept
// and retried with backoff), the in-app notification kind, and the mention a care conversation was opened from.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE listening_alert_settings (
      org_id uuid PRIMARY KEY,
      in_app boolean NOT NULL DEFAULT true,
      email_to text[] NOT NULL DEFAULT '{}',
      webhook_url text,
      webhook_secret text,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE listening_alert_deliveries (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      spike_id uuid NOT NULL,
      channel text NOT NULL CHECK (channel IN ('in_app', 'webhook', 'email')),
      event_id bigint NOT NULL,
      alert jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (spike_id, channel)
    );
    CREATE INDEX listening_alert_deliveries_due ON listening_alert_deliveries (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX listening_alert_deliveries_org ON listening_alert_deliveries (org_id, created_at DESC);
    ALTER TABLE listening_mentions ADD COLUMN care_conversation_id uuid;
    INSERT INTO notification_kinds (kind) VALUES ('listening_spike');
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DELETE FROM notifications WHERE kind = 'listening_spike';
    DELETE FROM notification_kinds WHERE kind = 'listening_spike';
    ALTER TABLE listening_mentions DROP COLUMN care_conversation_id;
    DROP TABLE listening_alert_deliveries;
    DROP TABLE listening_alert_settings;
    `,
  );
}
