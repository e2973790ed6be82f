import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Similar ideas while typing: candidates come from the words of the title (a GIN index on its words, the last word
// typed as a prefix), at most a bounded number of the most-voted, and only those are scored by trigram similarity.
// The trigram GIN index admitted a large share of a big portal's titles for common words and scored them all.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE INDEX ideas_title_words ON ideas USING gin (to_tsvector('simple', title)) WHERE merged_into_id IS NULL;
    DROP INDEX ideas_title_trgm;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE INDEX ideas_title_trgm ON ideas USING gin (title gin_trgm_ops);
    DROP INDEX ideas_title_words;
    `,
  );
}
