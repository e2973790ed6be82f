import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE outbox_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      type text NOT NULL,
      aggregate_id text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE event_deliveries (
      subscriber text NOT NULL,
      event_id bigint NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
      aggregate_id text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'dead')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      PRIMARY KEY (subscriber, event_id)
    );
    CREATE INDEX event_deliveries_due ON event_deliveries (next_attempt_at, event_id) WHERE status = 'pending';
    CREATE INDEX event_deliveries_aggregate ON event_deliveries (subscriber, aggregate_id, event_id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE event_deliveries; DROP TABLE outbox_events;');
}
