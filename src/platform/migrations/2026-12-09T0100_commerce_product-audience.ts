import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A product may be reserved for a group of the brand's advocates (`tier:<key>`, a tier and those above it, or
// `segment:<id>`), named as deals name their audience; null: anyone may buy it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'ALTER TABLE products ADD COLUMN audience text;');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'ALTER TABLE products DROP COLUMN audience;');
}
