import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// @-autocomplete looks handles up by prefix in handle order (`lower(handle) COLLATE "C" LIKE 'ab%' ORDER BY` the
// same); the unique index on lower(handle) uses the database collation, which LIKE cannot range-scan. A byte-order
// index serves both the prefix range and the order, so the scan stops after the first few rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(db, `CREATE INDEX accounts_handle_prefix ON accounts ((lower(handle) COLLATE "C"));`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, `DROP INDEX accounts_handle_prefix;`);
}
