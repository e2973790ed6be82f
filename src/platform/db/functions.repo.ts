import { type Kysely, sql, type Transaction } from 'kysely';

// Any constant shared by the processes that migrate; two concurrent CREATE OR REPLACE of one function fail with
// "tuple concurrently updated", so processes starting together take turns.
const FUNCTIONS_LOCK = 0x736f756b; // 'souk'

/** Waits for any other process re-creating the database functions; held until the transaction ends. */
export async function lockFunctions<DB>(trx: Transaction<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${FUNCTIONS_LOCK})`.execute(trx);
}

/** Runs one function's source file as it is: one statement, whose own semicolons must not split it. */
export async function runFunctionSource<DB>(db: Kysely<DB> | Transaction<DB>, text: string): Promise<void> {
  await sql.raw(text).execute(db);
}
