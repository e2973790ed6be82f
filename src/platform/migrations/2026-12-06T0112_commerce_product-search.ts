import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Search finds products by the words of their title and description, through this index (the expression must
// match the one in catalog.repo.ts's searchProducts for the planner to use it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `CREATE INDEX products_search ON products USING gin (to_tsvector('english', title || ' ' || description)) WHERE archived_at IS NULL;`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP INDEX products_search;');
}
