import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Care: the industry a brand is ranked in on the public service-quality ranking (brands that never chose one are
// ranked under "other"); the index serves the ranking's scan of a year of conversations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE care_ranking_profiles (
      org_id uuid PRIMARY KEY,
      industry text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX care_conversations_opened ON care_conversations (opened_at);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE care_ranking_profiles; DROP INDEX care_conversations_opened');
}
