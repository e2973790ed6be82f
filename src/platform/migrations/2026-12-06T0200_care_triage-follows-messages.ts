import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A conversation's triage follows its open messages: a follow-up can change its intent, priority and queue. An
// agent's own choice of queue is kept (queue_set_by_hand), and each change is written to the activity trail, by
// no one (actor_id null: triage did it), with a one-line summary of what changed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE care_conversations ADD COLUMN queue_set_by_hand boolean NOT NULL DEFAULT false;
    ALTER TABLE care_activity ALTER COLUMN actor_id DROP NOT NULL;
    ALTER TABLE care_activity ADD COLUMN summary text;
    ALTER TABLE care_activity DROP CONSTRAINT care_activity_kind_check;
    ALTER TABLE care_activity ADD CONSTRAINT care_activity_kind_check CHECK (kind IN ('merged_into', 'merged_from', 'triage_changed'));
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DELETE FROM care_activity WHERE kind = 'triage_changed' OR actor_id IS NULL;
    ALTER TABLE care_activity DROP CONSTRAINT care_activity_kind_check;
    ALTER TABLE care_activity ADD CONSTRAINT care_activity_kind_check CHECK (kind IN ('merged_into', 'merged_from'));
    ALTER TABLE care_activity DROP COLUMN summary;
    ALTER TABLE care_activity ALTER COLUMN actor_id SET NOT NULL;
    ALTER TABLE care_conversations DROP COLUMN queue_set_by_hand;
    `,
  );
}
