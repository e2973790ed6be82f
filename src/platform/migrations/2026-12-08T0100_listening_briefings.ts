import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Listening: briefing books, a snapshot of a brand's figures for a period (stored as JSON so a book never changes
// after it was written); one weekly book per brand and week, so the schedule can run twice without a second book.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE listening_briefings (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      cadence text NOT NULL CHECK (cadence IN ('weekly', 'on_demand')),
      period_start timestamptz NOT NULL,
      period_end timestamptz NOT NULL,
      figures jsonb NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (period_start < period_end)
    );
    CREATE INDEX listening_briefings_org ON listening_briefings (org_id, period_end DESC, created_at DESC);
    CREATE UNIQUE INDEX listening_briefings_weekly ON listening_briefings (org_id, period_start) WHERE cadence = 'weekly';
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE listening_briefings');
}
