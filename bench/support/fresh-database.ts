import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/kysely.ts';

/**
 * A fresh database for one benchmark run: a temporary PGlite directory by default, or a new database on the
 * PostgreSQL server in DATABASE_URL (created here, dropped by `drop`).
 */
export async function openFreshDatabase(label: string) {
  const url = process.env.DATABASE_URL || undefined;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `souk-bench-${label}-`));
    const handle = await openDatabase({ dataDir: dir });
    return { handle, kind: 'pglite', drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `souk_bench_${label}_${process.pid}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: u.toString(), dataDir: '', poolSize: 16 });
  return {
    handle,
    kind: 'postgres',
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The 95th percentile of the values, to two decimals. */
export function p95(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] * 100) / 100;
}
