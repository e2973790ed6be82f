import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A scheduled deal is hidden until it starts unless its brand chose to announce it early. Deals published
// before this change were public from the start, so they count as announced.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `ALTER TABLE deals ADD COLUMN announce_early boolean NOT NULL DEFAULT false;
    UPDATE deals SET announce_early = true;`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'ALTER TABLE deals DROP COLUMN announce_early;');
}
