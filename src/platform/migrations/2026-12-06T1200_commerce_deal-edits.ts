import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A brand edits a live or scheduled deal (its title, price, end and cap) and may end it early; every change is
// kept in the deal's history with who made it and what it was before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE deals ADD COLUMN title text;
    ALTER TABLE deals ADD COLUMN ended_early_at timestamptz;
    CREATE TABLE deal_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      deal_id uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
      actor_id uuid NOT NULL,
      action text NOT NULL CHECK (action IN ('edited', 'ended')),
      changes jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX deal_history_deal ON deal_history (deal_id, id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    'DROP TABLE deal_history; ALTER TABLE deals DROP COLUMN ended_early_at; ALTER TABLE deals DROP COLUMN title;',
  );
}
