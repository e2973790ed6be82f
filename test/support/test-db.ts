import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type DbHandle, openDatabase } from '../../src/platform/db/kysely.ts';

export const templateDatabaseName = (pid: number) => `souk_test_template_${pid}`;

/** The server's maintenance database, from which test databases are created and dropped. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/**
 * A fresh, migrated, empty database for one test file: a copy of the template data directory on PGlite,
 * or a new database cloned from the template database on PostgreSQL (when DATABASE_URL is set).
 */
export async function createTestDb(): Promise<DbHandle> {
  const template = inject('testTemplate');
  if (template.kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souk-test-'));
    fs.cpSync(template.name, dir, { recursive: true });
    const handle = await openDatabase({ dataDir: dir });
    return {
      ...handle,
      async close() {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.DATABASE_URL!;
  const pg = (await import('pg')).default;
  const name = `souk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: u.toString(), dataDir: '', poolSize: 8 });
  return {
    ...handle,
    async close() {
      await handle.close();
      const client = new pg.Client({ connectionString: adminUrl(url) });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
