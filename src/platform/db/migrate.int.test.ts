import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/test-db.ts';
import { functionSources } from '../migrations/functions.ts';
import type { DbHandle } from './kysely.ts';
import { migrateToLatest } from './migrate.ts';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb(); // already migrated once
});
afterAll(() => handle.close());

/** The body of each function as the database runs it, by name. */
async function bodiesInDatabase(names: string[]): Promise<Record<string, string[]>> {
  const { rows } = await sql<{ proname: string; prosrc: string }>`
    SELECT proname, prosrc FROM pg_proc WHERE proname = ANY(${names}::text[])`.execute(handle.db);
  const byName: Record<string, string[]> = {};
  for (const r of rows) byName[r.proname] = [...(byName[r.proname] ?? []), r.prosrc];
  return byName;
}

/** The body of each listed function as its source file defines it. */
const bodiesInFiles = () =>
  Object.fromEntries(
    functionSources.map((f) => {
      const body = /AS \$fn\$([\s\S]*)\$fn\$/.exec(readFileSync(f.file, 'utf8'))?.[1];
      if (!body) throw new Error(`${f.name}: no $fn$ … $fn$ body in its file`);
      return [f.name, [body]];
    }),
  );

describe('database functions re-created on every migrate', () => {
  it('should run each listed function as its source file defines it, when migrated again with nothing new', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
    expect(await bodiesInDatabase(functionSources.map((f) => f.name))).toEqual(bodiesInFiles());
  });

  it('should replace a function that differs from its file on the next migrate', async () => {
    // What an older release left in the database.
    await sql`CREATE OR REPLACE FUNCTION commerce_place_orders(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
      BEGIN RETURN '[]'::jsonb; END $fn$`.execute(handle.db);
    expect((await bodiesInDatabase(['commerce_place_orders'])).commerce_place_orders).not.toEqual(
      bodiesInFiles().commerce_place_orders,
    );
    await migrateToLatest(handle.db);
    expect(await bodiesInDatabase(functionSources.map((f) => f.name))).toEqual(bodiesInFiles());
  });

  it('should let several server processes migrate at once', async () => {
    // On a PostgreSQL server each call runs on its own connection, like processes starting together.
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => migrateToLatest(handle.db)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await bodiesInDatabase(functionSources.map((f) => f.name))).toEqual(bodiesInFiles());
  });

  it('should not keep the single-order checkout function that the batch replaced', async () => {
    expect(await bodiesInDatabase(['commerce_place_order'])).toEqual({});
  });
});
