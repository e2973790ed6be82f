import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Crediting sales to people counts each member's posts in a month (`posted_by`, `created_at`): without this index
// those counts scan every post.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'CREATE INDEX posts_posted_by_created ON posts (posted_by, created_at)');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP INDEX posts_posted_by_created');
}
