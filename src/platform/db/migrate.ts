import { readFileSync } from 'node:fs';
import { type Kysely, type Migration, Migrator } from 'kysely';
import { functionSources } from '../migrations/functions.ts';
import { migrations } from '../migrations/index.ts';
import { lockFunctions, runFunctionSource } from './functions.repo.ts';

/**
 * Brings the schema up to date: the versioned migrations, then every database function re-created from its source
 * file, so a changed function takes effect on the next start. Both are listed statically so a bundled build
 * carries them. Returns the names of the migrations applied.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  await recreateFunctions(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Re-creates every listed function in one transaction: all of them take effect, or none. */
async function recreateFunctions<DB>(db: Kysely<DB>): Promise<void> {
  const sources = functionSources.map((f) => ({ name: f.name, text: readFileSync(f.file, 'utf8') }));
  await db.transaction().execute(async (trx) => {
    await lockFunctions(trx);
    for (const source of sources) {
      try {
        await runFunctionSource(trx, source.text);
      } catch (err) {
        throw new Error(`re-creating database function ${source.name} failed`, { cause: err });
      }
    }
  });
}
