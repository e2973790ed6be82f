import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// The brand's decision on an idea or comment hidden after reports: kept hidden (out of its review queue for good;
// a kept idea's votes go back to its voters' budgets). Restoring clears the hiding instead; deleting a comment
// removes it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE ideas ADD COLUMN kept_hidden_at timestamptz;
    ALTER TABLE idea_comments ADD COLUMN kept_hidden_at timestamptz;
    CREATE INDEX ideas_hidden ON ideas (org_id, hidden_at DESC) WHERE hidden_at IS NOT NULL;
    CREATE INDEX idea_comments_hidden ON idea_comments (org_id, hidden_at DESC) WHERE hidden_at IS NOT NULL;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DROP INDEX idea_comments_hidden;
    DROP INDEX ideas_hidden;
    ALTER TABLE idea_comments DROP COLUMN kept_hidden_at;
    ALTER TABLE ideas DROP COLUMN kept_hidden_at;
    `,
  );
}
