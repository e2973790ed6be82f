import fs from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './database.ts';

export type DbKind = 'pglite' | 'postgres';

export type DbHandle = {
  db: Kysely<Database>;
  kind: DbKind;
  /** Where the data lives, for the log: a directory for PGlite, the server's host/db for PostgreSQL. */
  location: string;
  close(): Promise<void>;
};

export type DbOptions = {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  onIdleError?: (err: Error) => void;
};

// int8 (counts, bigserial ids) as JS numbers on both drivers: every such value here stays far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Opens the PostgreSQL server named by `databaseUrl`, or else the embedded PGlite database in `dataDir`. */
export async function openDatabase(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 8 });
    // An idle connection the server closes (restart, failover, admin command) must not crash the process: the
    // pool drops it and opens a new one on the next query.
    pool.on('error', (err) => options.onIdleError?.(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(options.databaseUrl);
    return {
      db,
      kind: 'postgres',
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => db.destroy(),
    };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    // Trigram similarity (ideas: similar ideas while typing); a migration creates the extension on both databases.
    extensions: { pg_trgm },
    parsers: { [types.INT8]: (v: string) => Number.parseInt(v, 10) },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', location: options.dataDir, close: () => db.destroy() };
}
