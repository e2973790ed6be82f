import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBreach } from './breach.ts';
import { checkArchitecture } from './check-architecture.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A small tree that keeps every rule: two server modules, a library, the platform, two web modules. */
const CLEAN: Record<string, string> = {
  'src/modules/alpha/index.ts': `export { listAlpha } from './alpha.service.ts';\n`,
  'src/modules/alpha/alpha.tables.ts': `export type AlphaTables = { alpha_items: { id: string } };\n`,
  'src/modules/alpha/alpha.service.ts': [
    `import { findBeta } from '../beta/index.ts';`,
    `import { findAlpha } from './alpha.repo.ts';`,
    `import { rule } from './use-case/rule.ts';`,
    `export const listAlpha = (db: unknown) => [findAlpha(db), findBeta(db), rule];`,
    '',
  ].join('\n'),
  'src/modules/alpha/use-case/rule.ts': `import { findAlpha } from '../alpha.repo.ts';\nexport const rule = findAlpha;\n`,
  'src/modules/alpha/alpha.repo.ts': [
    `import { sql } from 'kysely';`,
    `export const findAlpha = (db: any) => db.selectFrom('alpha_items as a').select('a.id').execute();`,
    'export const countAlpha = (db: any) => sql`SELECT count(*) FROM alpha_items`.execute(db);',
    '',
  ].join('\n'),
  'src/modules/alpha/alpha.int.test.ts': [
    `import { sql } from 'kysely';`,
    `import { findAlpha } from './alpha.repo.ts';`,
    'export const rows = (db: any) => [findAlpha(db), sql`SELECT * FROM beta_items`.execute(db)];',
    '',
  ].join('\n'),
  'src/modules/alpha/place.sql': `CREATE OR REPLACE FUNCTION alpha_place() RETURNS void AS $$\n  UPDATE alpha_items SET id = id;\n$$ LANGUAGE sql;\n`,
  'src/modules/beta/index.ts': `export { findBeta } from './beta.repo.ts';\n`,
  'src/modules/beta/beta.tables.ts': `export type BetaTables = { beta_items: { id: string } };\n`,
  'src/modules/beta/beta.repo.ts': `export const findBeta = (db: any) => db.selectFrom('beta_items').selectAll().execute();\n`,
  'src/lib/triage/index.ts': `export { tokens } from './tokenizer.ts';\n`,
  'src/lib/triage/tokenizer.ts': `export const tokens = (text: string) => text.split(' ');\n`,
  'src/platform/db/database.ts': [
    `import type { AlphaTables } from '../../modules/alpha/alpha.tables.ts';`,
    `import type { BetaTables } from '../../modules/beta/beta.tables.ts';`,
    'export type Database = AlphaTables & BetaTables;',
    '',
  ].join('\n'),
  'src/platform/events/outbox.tables.ts': `export type OutboxTables = { outbox_events: { id: number } };\n`,
  'src/platform/migrations/2026-01-01T0000_alpha_create.ts': [
    `import { sql } from 'kysely';`,
    'export const up = (db: any) => sql`CREATE TABLE alpha_items (id text); CREATE TABLE beta_items (id text)`.execute(db);',
    '',
  ].join('\n'),
  'src/app.ts': `import { listAlpha } from './modules/alpha/index.ts';\nexport const app = listAlpha;\n`,
  'bench/tokens.bench.ts': `import { tokens } from '../src/lib/triage/index.ts';\nexport const run = tokens;\n`,
  'test/api/alpha.test.ts': `import { listAlpha } from '../../src/modules/alpha/index.ts';\nexport const t = listAlpha;\n`,
  'web/src/app.tsx': `import { AlphaPage } from './modules/alpha/index.ts';\nexport const App = AlphaPage;\n`,
  'web/src/shared/ui/button.tsx': `export const Button = () => null;\n`,
  'web/src/modules/alpha/index.ts': `export { AlphaPage } from './components/alpha-page.tsx';\n`,
  'web/src/modules/alpha/components/alpha-page.tsx': [
    `import { Button } from '../../../shared/ui/button.tsx';`,
    `import { useBeta } from '../../beta/index.ts';`,
    `import { useAlpha } from '../hooks/use-alpha.ts';`,
    'export const AlphaPage = () => [Button, useBeta, useAlpha];',
    '',
  ].join('\n'),
  'web/src/modules/alpha/hooks/use-alpha.ts': `export const useAlpha = () => 1;\n`,
  'web/src/modules/beta/index.ts': `export { useBeta } from './hooks/use-beta.ts';\n`,
  'web/src/modules/beta/hooks/use-beta.ts': `export const useBeta = () => 2;\n`,
};

/** The clean tree with `changes` written over it, in a temporary directory. */
function tree(changes: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souk-architecture-'));
  made.push(dir);
  for (const [file, text] of Object.entries({ ...CLEAN, ...changes })) {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** What a developer reads: `file:line rule` for each breach. */
async function breachesIn(changes: Record<string, string>): Promise<string[]> {
  return (await checkArchitecture(tree(changes))).map((b) => `${b.file}:${b.line} ${b.rule}`);
}

describe('architecture rules on small trees', () => {
  it('should report nothing when a tree keeps every rule', async () => {
    expect(await checkArchitecture(tree())).toEqual([]);
  });

  it("should name the file and line when a module imports another module's internal file", async () => {
    const breaches = await breachesIn({
      'src/modules/alpha/use-case/rule.ts': [
        `import { findAlpha } from '../alpha.repo.ts';`,
        `import type { BetaTables } from '../../beta/beta.tables.ts';`,
        `import { findBeta } from '../../beta/beta.repo.ts';`,
        'export const rule = [findAlpha, findBeta] as unknown as BetaTables;',
        '',
      ].join('\n'),
    });
    expect(breaches).toEqual([
      'src/modules/alpha/use-case/rule.ts:2 module-door',
      'src/modules/alpha/use-case/rule.ts:3 module-door',
    ]);
  });

  it('should report a module test that reaches into another module, and a test under test/ alike', async () => {
    const breaches = await breachesIn({
      'src/modules/alpha/alpha.test.ts': `import { findAlpha } from './alpha.repo.ts';\nimport { findBeta } from '../beta/beta.repo.ts';\nexport const t = [findAlpha, findBeta];\n`,
      'test/api/alpha.test.ts': `import { listAlpha } from '../../src/modules/alpha/alpha.service.ts';\nexport const t = listAlpha;\n`,
    });
    expect(breaches).toEqual([
      'src/modules/alpha/alpha.test.ts:2 module-door',
      'test/api/alpha.test.ts:1 consumer-door',
    ]);
  });

  it('should report app, cli, demo, bench and scripts code that skips a module or library door', async () => {
    const breaches = await breachesIn({
      'src/cli/alpha.command.ts': `export const x = 1;\nexport { findAlpha } from '../modules/alpha/alpha.repo.ts';\n`,
      'src/demo/world.ts': `export const load = () => import('../modules/beta/beta.repo.ts');\n`,
      'bench/tokens.bench.ts': `import { tokens } from '../src/lib/triage/tokenizer.ts';\nexport const run = tokens;\n`,
      'scripts/train.ts': `import type { AlphaTables } from '../src/modules/alpha/alpha.tables.ts';\nexport type T = AlphaTables;\n`,
    });
    expect(breaches).toEqual([
      'bench/tokens.bench.ts:1 lib-door',
      'scripts/train.ts:1 consumer-door',
      'src/cli/alpha.command.ts:2 consumer-door',
      'src/demo/world.ts:1 consumer-door',
    ]);
  });

  it('should report a library that imports a module', async () => {
    const breaches = await breachesIn({
      'src/lib/triage/tokenizer.ts': `import { listAlpha } from '../../modules/alpha/index.ts';\nexport const tokens = (text: string) => [text, listAlpha];\n`,
    });
    expect(breaches).toEqual(['src/lib/triage/tokenizer.ts:1 lib-imports-module']);
  });

  it('should report a run-time import of a module by the platform and let a type-only one pass', async () => {
    const breaches = await breachesIn({
      'src/platform/events/dispatcher.ts': [
        `import type { AlphaTables } from '../../modules/alpha/alpha.tables.ts';`,
        `import { findBeta } from '../../modules/beta/index.ts';`,
        'export const d = findBeta as unknown as AlphaTables;',
        '',
      ].join('\n'),
    });
    expect(breaches).toEqual(['src/platform/events/dispatcher.ts:2 platform-imports-module']);
  });

  it('should report web modules, the web shell and web/src/shared reaching into a web module', async () => {
    const breaches = await breachesIn({
      'web/src/modules/alpha/hooks/use-alpha.ts': `import { useBeta } from '../../beta/hooks/use-beta.ts';\nexport const useAlpha = useBeta;\n`,
      'web/src/app.tsx': `import { AlphaPage } from './modules/alpha/components/alpha-page.tsx';\nexport const App = AlphaPage;\n`,
      'web/src/shared/ui/button.tsx': `import { useBeta } from '../../modules/beta/index.ts';\nexport const Button = useBeta;\n`,
    });
    expect(breaches).toEqual([
      'web/src/app.tsx:1 web-shell-door',
      'web/src/modules/alpha/hooks/use-alpha.ts:1 web-module-door',
      'web/src/shared/ui/button.tsx:1 web-shared-imports-module',
    ]);
  });

  it('should report each query builder, sql template and raw statement outside a repo', async () => {
    const breaches = await breachesIn({
      'src/modules/alpha/alpha.service.ts': [
        `import { CompiledQuery, sql as q } from 'kysely';`,
        `export const a = (db: any) => db.selectFrom('alpha_items').selectAll().execute();`,
        `export const b = (db: any) => db.insertInto('alpha_items').values({ id: '1' }).execute();`,
        `export const c = (db: any) => db.updateTable('alpha_items').set({ id: '2' }).execute();`,
        `export const d = (db: any) => db.deleteFrom('alpha_items').execute();`,
        `export const e = (db: any) => db.with('x', (w: any) => w).selectAll();`,
        'export const f = (db: any) => q`ANALYZE`.execute(db);',
        `export const g = (db: any) => q.raw('VACUUM').execute(db);`,
        `export const h = (db: any) => db.executeQuery(CompiledQuery.raw('SELECT 1'));`,
        `export const i = (pglite: any) => pglite.exec('CREATE INDEX i ON alpha_items (id)');`,
        'export const j = [1, 2].with(0, 3);',
        '',
      ].join('\n'),
      'src/modules/alpha/alpha.routes.ts': `import { sql } from './sql-helper.ts';\nexport const r = sql\`SELECT 1\`;\n`,
      'src/modules/alpha/sql-helper.ts': `export { sql } from 'kysely';\n`,
      'src/platform/events/outbox.ts': `export const publish = (trx: any) => trx.mergeInto('outbox_events').execute();\n`,
    });
    expect(breaches).toEqual([
      'src/modules/alpha/alpha.routes.ts:2 sql-outside-repo',
      'src/modules/alpha/alpha.service.ts:2 sql-outside-repo',
      'src/modules/alpha/alpha.service.ts:3 sql-outside-repo',
      'src/modules/alpha/alpha.service.ts:4 sql-outside-repo',
      'src/modules/alpha/alpha.service.ts:5 sql-outside-repo',
      'src/modules/alpha/alpha.service.ts:6 sql-outside-repo',
      'src/modules/alpha/alpha.service.ts:7 sql-outside-repo',
      'src/modules/alpha/alpha.service.ts:8 sql-outside-repo',
      'src/modules/alpha/alpha.service.ts:9 sql-outside-repo',
      'src/modules/alpha/alpha.service.ts:9 sql-outside-repo',
      'src/modules/alpha/alpha.service.ts:10 sql-outside-repo',
      'src/platform/events/outbox.ts:1 sql-outside-repo',
    ]);
  });

  it("should report a repo that names another module's table, in builders, columns and sql text", async () => {
    const breaches = await breachesIn({
      'src/modules/alpha/alpha.repo.ts': [
        `import { sql } from 'kysely';`,
        `export const a = (db: any) => db.selectFrom('beta_items as b').selectAll().execute();`,
        `export const b = (db: any) => db.selectFrom('alpha_items').innerJoin('beta_items', 'beta_items.id', 'alpha_items.id');`,
        `export const c = (db: any) => db.selectFrom('alpha_items as a').select(['a.id', 'outbox_events.id as e']);`,
        'export const d = (db: any) => sql`SELECT a.id',
        '  FROM alpha_items a',
        '  JOIN beta_items ON true`.execute(db);',
        `export const e = (db: any) => sql.raw('DELETE FROM beta_items').execute(db);`,
        '',
      ].join('\n'),
      'src/modules/alpha/place.sql': `CREATE FUNCTION alpha_place() RETURNS void AS $$\n  UPDATE alpha_items SET id = id;\n  INSERT INTO beta_items VALUES ('x');\n$$ LANGUAGE sql;\n`,
    });
    expect(breaches).toEqual([
      'src/modules/alpha/alpha.repo.ts:2 foreign-table',
      'src/modules/alpha/alpha.repo.ts:3 foreign-table',
      'src/modules/alpha/alpha.repo.ts:3 foreign-table',
      'src/modules/alpha/alpha.repo.ts:4 foreign-table',
      'src/modules/alpha/alpha.repo.ts:7 foreign-table',
      'src/modules/alpha/alpha.repo.ts:8 foreign-table',
      'src/modules/alpha/place.sql:3 foreign-table',
    ]);
  });
});

describe('architecture of this repository', () => {
  it('should have no breach of the house rules', async () => {
    const breaches = await checkArchitecture(ROOT);
    expect(breaches.map(formatBreach)).toEqual([]);
  }, 120_000);
});
