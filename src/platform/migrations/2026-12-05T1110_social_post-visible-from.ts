import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A post may be held back until a time (a deal's start): before it only its author's people see it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'ALTER TABLE posts ADD COLUMN visible_from timestamptz;');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'ALTER TABLE posts DROP COLUMN visible_from;');
}
