import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { generateDemoWorld } from '../../src/demo/generate.ts';
import { openDatabase } from '../../src/platform/db/kysely.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

export type WorldSpec = { users: number; posts: number; seed: number };

/** Where a benchmark world lives: a PGlite data directory, or a database on the PostgreSQL server. */
export type WorldPlace = WorldSpec & {
  kind: 'pglite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
  label: string;
};

export type WorldInfo = {
  place: WorldPlace;
  builtNow: boolean;
  buildSeconds: number | null;
  builtAt: string | null;
};

// Home timelines keep their newest 200 entries, as the benchmark world asks.
const HOME_CAP = 200;

/**
 * The world's place. On PostgreSQL the main world is the database DATABASE_URL names and other sizes get a
 * sibling database (`<name>_u10000_p100000`), so one server holds both worlds of the 10k/100k comparison.
 */
export function worldPlace(
  spec: WorldSpec,
  options: { benchDir: string; databaseUrl?: string; main: boolean },
): WorldPlace {
  const tag = `u${spec.users}_p${spec.posts}_s${spec.seed}`;
  if (!options.databaseUrl) {
    const dataDir = path.resolve(options.benchDir, `pglite-${tag}`);
    return { ...spec, kind: 'pglite', dataDir, label: dataDir };
  }
  const url = new URL(options.databaseUrl);
  if (!options.main) url.pathname = `${url.pathname}_${tag}`;
  return {
    ...spec,
    kind: 'postgres',
    dataDir: '',
    databaseUrl: url.toString(),
    label: `${url.host}${url.pathname}`,
  };
}

async function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

type Ledger = Record<string, { builtAt: string; buildSeconds: number } & WorldSpec>;

function readLedger(file: string): Ledger {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Ledger) : {};
}

/** Opens the place, builds the world there when it is empty, and checks an existing world is this one. */
export async function ensureWorld(
  place: WorldPlace,
  benchDir: string,
  log: (msg: string) => void,
): Promise<WorldInfo> {
  if (place.databaseUrl) await createDatabaseIfMissing(place.databaseUrl);
  const ledgerFile = path.resolve(benchDir, 'worlds.json');
  const handle = await openDatabase({ databaseUrl: place.databaseUrl, dataDir: place.dataDir });
  try {
    await migrateToLatest(handle.db);
    const [{ people }] = (
      await sql<{ people: number }>`SELECT count(*)::int AS people FROM users`.execute(handle.db)
    ).rows;
    if (people > 0) {
      if (people !== place.users) {
        throw new Error(
          `${place.label} already holds a different world (${people} people, want ${place.users}); remove it or choose another place`,
        );
      }
      const known = readLedger(ledgerFile)[place.label];
      log(`reusing the world at ${place.label}`);
      return {
        place,
        builtNow: false,
        buildSeconds: known?.buildSeconds ?? null,
        builtAt: known?.builtAt ?? null,
      };
    }
    log(
      `building a world of ${place.users.toLocaleString('en')} people and ${place.posts.toLocaleString('en')} posts at ${place.label}`,
    );
    const startedAt = performance.now();
    await generateDemoWorld(handle.db, { ...place, homeCap: HOME_CAP, progress: process.stderr.isTTY, log });
    const buildSeconds = Math.round((performance.now() - startedAt) / 100) / 10;
    const builtAt = new Date().toISOString();
    fs.mkdirSync(benchDir, { recursive: true });
    const ledger = readLedger(ledgerFile);
    ledger[place.label] = { builtAt, buildSeconds, users: place.users, posts: place.posts, seed: place.seed };
    fs.writeFileSync(ledgerFile, `${JSON.stringify(ledger, null, 2)}\n`);
    return { place, builtNow: true, buildSeconds, builtAt };
  } finally {
    await handle.close();
  }
}
