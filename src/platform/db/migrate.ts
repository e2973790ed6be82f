import { type Kysely, type Migration, Migrator } from 'kysely';
import { migrations } from '../migrations/index.ts';

/** Brings the schema up to date. Migrations are listed statically so a bundled build carries them. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
