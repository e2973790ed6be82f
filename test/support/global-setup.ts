import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/kysely.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { adminUrl, templateDatabaseName } from './test-db.ts';

// Initialising PGlite costs seconds and hundreds of MB, so it happens once: every test file then copies this
// migrated data directory (tens of ms). On PostgreSQL the same role is played by a template database.
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pg = (await import('pg')).default;
    const template = templateDatabaseName(process.pid);
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const handle = await openDatabase({ databaseUrl: withDatabase(url, template), dataDir: '' });
    await migrateToLatest(handle.db);
    await handle.close();
    project.provide('testTemplate', { kind: 'postgres', name: template });
    return async () => {
      const client = new pg.Client({ connectionString: adminUrl(url) });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${template}`);
      await client.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souk-test-template-'));
  const handle = await openDatabase({ dataDir: dir });
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide('testTemplate', { kind: 'pglite', name: dir });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplate: { kind: 'pglite' | 'postgres'; name: string };
  }
}
