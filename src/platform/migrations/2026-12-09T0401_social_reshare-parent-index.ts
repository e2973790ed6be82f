import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Reshares made through a post (a staff share's onward reshares) are counted by their parent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    'CREATE INDEX posts_reshare_parent ON posts (reshare_parent_id) WHERE reshare_parent_id IS NOT NULL;',
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP INDEX posts_reshare_parent;');
}
