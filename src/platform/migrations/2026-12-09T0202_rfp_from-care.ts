import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A request can come from a care conversation (an agent proposed it, its author said yes): the conversation it
// came from, once per conversation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE rfp_requests ADD COLUMN care_conversation_id uuid;
    CREATE UNIQUE INDEX rfp_requests_care_conversation ON rfp_requests (care_conversation_id)
      WHERE care_conversation_id IS NOT NULL;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'ALTER TABLE rfp_requests DROP COLUMN care_conversation_id');
}
