import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Similar ideas while typing: the title's words are stored beside it (a generated column) and indexed there, so a
// candidate's match is read rather than recomputed with to_tsvector for every row the planner visits (walking the
// most-voted index for common words, rechecking heap rows after a lossy bitmap for rare ones).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE ideas ADD COLUMN title_words tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED;
    DROP INDEX ideas_title_words;
    CREATE INDEX ideas_title_words ON ideas USING gin (title_words) WHERE merged_into_id IS NULL;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DROP INDEX ideas_title_words;
    ALTER TABLE ideas DROP COLUMN title_words;
    CREATE INDEX ideas_title_words ON ideas USING gin (to_tsvector('simple', title)) WHERE merged_into_id IS NULL;
    `,
  );
}
