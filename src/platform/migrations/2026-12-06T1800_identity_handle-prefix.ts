import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// @-autocomplete looks handles up by prefix (`lower(handle) LIKE 'ab%'`); the unique index on lower(handle) uses
// the database collation, which LIKE cannot range-scan, so a pattern-ops index serves the prefix search.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(db, `CREATE INDEX accounts_handle_prefix ON accounts (lower(handle) text_pattern_ops);`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, `DROP INDEX accounts_handle_prefix;`);
}
