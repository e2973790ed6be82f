import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A deal may open earlier for a group (an advocates segment or tier): both columns or neither. Not checked against
// starts_at: ending a scheduled deal early moves its start to that moment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE deals ADD COLUMN early_audience text, ADD COLUMN early_starts_at timestamptz;
    ALTER TABLE deals ADD CONSTRAINT deals_early_access CHECK ((early_audience IS NULL) = (early_starts_at IS NULL));
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `ALTER TABLE deals DROP CONSTRAINT deals_early_access;
     ALTER TABLE deals DROP COLUMN early_audience, DROP COLUMN early_starts_at;`,
  );
}
