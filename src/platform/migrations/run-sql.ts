import { type Kysely, sql } from 'kysely';

/** Runs a migration's DDL one statement at a time (the extended protocol takes one statement per query). */
export async function runSql(db: Kysely<unknown>, ddl: string): Promise<void> {
  for (const statement of ddl.split(/;\s*$/m)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}
