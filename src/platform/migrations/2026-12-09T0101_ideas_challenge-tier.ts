import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A private challenge may invite a tier of the brand's advocates and those above it (the co-design perk), by key.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'ALTER TABLE idea_challenges ADD COLUMN tier_key text;');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'ALTER TABLE idea_challenges DROP COLUMN tier_key;');
}
