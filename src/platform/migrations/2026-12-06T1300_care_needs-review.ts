import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Triage that is unsure of a message's intent does not route it to a queue: the conversation waits in the inbox's
// Needs review view until an agent chooses the intent. The brand sets how sure triage must be (unsure_below, a
// calibrated probability; null: the shipped model's default).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE care_conversations ADD COLUMN needs_review boolean NOT NULL DEFAULT false;
    CREATE INDEX care_conversations_needs_review ON care_conversations (org_id, id) WHERE needs_review;
    ALTER TABLE care_inbox_settings ADD COLUMN unsure_below real CHECK (unsure_below >= 0 AND unsure_below <= 1);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE care_inbox_settings DROP COLUMN unsure_below;
    DROP INDEX care_conversations_needs_review;
    ALTER TABLE care_conversations DROP COLUMN needs_review;
    `,
  );
}
