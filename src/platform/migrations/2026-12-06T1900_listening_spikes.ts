import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Listening: a topic's spikes, found by the sweep against its own seasonal baseline and stored with their
// explanation; a spike still growing is the same row, extended.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE listening_spikes (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      topic_id uuid NOT NULL REFERENCES listening_topics (id) ON DELETE CASCADE,
      started_at timestamptz NOT NULL,
      ended_at timestamptz NOT NULL,
      peak_at timestamptz NOT NULL,
      observed int NOT NULL,
      expected real NOT NULL,
      p_value double precision NOT NULL,
      explanation jsonb NOT NULL,
      detected_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (started_at < ended_at)
    );
    CREATE INDEX listening_spikes_topic ON listening_spikes (topic_id, started_at DESC);
    CREATE INDEX listening_spikes_org ON listening_spikes (org_id, started_at DESC);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE listening_spikes');
}
