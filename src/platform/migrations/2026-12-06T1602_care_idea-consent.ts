import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// An agent may turn a conversation about an idea into an idea on the brand's portal, once the customer says yes:
// the draft waits on the conversation, and the idea it became is linked back.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE care_conversations
      ADD COLUMN idea_consent text NOT NULL DEFAULT 'none' CHECK (idea_consent IN ('none', 'requested', 'granted', 'declined')),
      ADD COLUMN idea_title text,
      ADD COLUMN idea_description text,
      ADD COLUMN idea_id uuid;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE care_conversations DROP COLUMN idea_consent, DROP COLUMN idea_title, DROP COLUMN idea_description, DROP COLUMN idea_id;
    `,
  );
}
