import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import ts from 'typescript';
import type { Breach } from './breach.ts';

const MODULE_DOOR = '^src/modules/[^/]+/index\\.ts$';
const LIB_DOOR = '^src/lib/[^/]+/index\\.ts$';
const WEB_MODULE_DOOR = '^web/src/modules/[^/]+/index\\.tsx?$';

/**
 * The import rules, as dependency-cruiser rules over paths relative to the repository root. `$1` in a `to`
 * refers to the group captured by the rule's `from` (the importing file's own module).
 *
 * Decisions:
 * - A test inside a module folder (`src/modules/<m>/…test.ts`) belongs to that module: it may use the
 *   module's own files, and other modules only through their `index.ts`. Tests under `test/` are consumers
 *   like `src/app.ts`, `src/cli/`, `src/demo/`, `bench/` and `scripts/`: doors only.
 * - `src/platform/` may name a module's types (the `Database` type is the sum of the modules' `*.tables.ts`,
 *   the event map is the sum of their events): type-only imports, which vanish at run time, of any module
 *   file. A run-time import of a module from the platform is a breach.
 */
export const IMPORT_RULES: IForbiddenRuleType[] = [
  {
    name: 'module-door',
    comment: "A module reaches another module only through that module's index.ts.",
    severity: 'error',
    from: { path: '^src/modules/([^/]+)/' },
    to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', MODULE_DOOR] },
  },
  {
    name: 'consumer-door',
    comment:
      'Code outside the modules (app, cli, demo, bench, scripts, test) enters a module only by its index.ts.',
    severity: 'error',
    from: { pathNot: '^src/(modules|platform|lib)/' },
    to: { path: '^src/modules/[^/]+/', pathNot: MODULE_DOOR },
  },
  {
    name: 'lib-door',
    comment: 'A library under src/lib/ is used only through its index.ts.',
    severity: 'error',
    from: { path: '^src/lib/([^/]+)/' },
    to: { path: '^src/lib/[^/]+/', pathNot: ['^src/lib/$1/', LIB_DOOR] },
  },
  {
    name: 'lib-door',
    comment: 'A library under src/lib/ is used only through its index.ts.',
    severity: 'error',
    from: { pathNot: '^src/lib/' },
    to: { path: '^src/lib/[^/]+/', pathNot: LIB_DOOR },
  },
  {
    name: 'lib-imports-module',
    comment: 'A library owns no tables and knows no module, no database and no HTTP server.',
    severity: 'error',
    from: { path: '^src/lib/' },
    to: {
      path: [
        '^src/modules/',
        '^src/platform/(db|http|events|live)/',
        '(^|/)node_modules/(kysely|pg|fastify|@fastify/[^/]+|@electric-sql/pglite)/',
      ],
    },
  },
  {
    name: 'platform-imports-module',
    comment: 'The platform never imports a module at run time (type-only imports are erased and allowed).',
    severity: 'error',
    from: { path: '^src/platform/' },
    to: { path: '^src/modules/', dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'web-module-door',
    comment: "A web module reaches another web module only through that module's index.ts.",
    severity: 'error',
    from: { path: '^web/src/modules/([^/]+)/' },
    to: { path: '^web/src/modules/[^/]+/', pathNot: ['^web/src/modules/$1/', WEB_MODULE_DOOR] },
  },
  {
    name: 'web-shell-door',
    comment: "The web app's shell (app.tsx, main.tsx) enters a web module only by its index.ts.",
    severity: 'error',
    from: { path: '^web/src/', pathNot: '^web/src/(modules|shared)/' },
    to: { path: '^web/src/modules/[^/]+/', pathNot: WEB_MODULE_DOOR },
  },
  {
    name: 'web-shared-imports-module',
    comment: 'web/src/shared/ is used by the web modules and imports none of them.',
    severity: 'error',
    from: { path: '^web/src/shared/' },
    to: { path: '^web/src/modules/' },
  },
];

const PROJECT_TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

/** Where the import rules look, relative to the root; folders that do not exist are skipped. */
const CRUISED = ['src', 'web/src', 'bench', 'scripts', 'test'];

/** Runs the import rules over the tree at `root` and returns each breach at the line of its import. */
export async function checkImports(root: string): Promise<Breach[]> {
  const roots = CRUISED.filter((dir) => fs.existsSync(path.join(root, dir)));
  if (roots.length === 0) return [];
  const result = await cruise(
    roots,
    {
      baseDir: root,
      validate: true,
      ruleSet: { forbidden: IMPORT_RULES },
      // Keep `import type` edges and mark them, so that rules can tell them from run-time imports.
      tsPreCompilationDeps: true,
      doNotFollow: { path: '(^|/)node_modules/' },
      exclude: { path: '(^|/)(node_modules|dist)/' },
      parser: 'tsc',
    },
    // The project imports TypeScript files by their `.ts`/`.tsx` names (allowImportingTsExtensions): read
    // every tree, fixtures included, with the project's own compiler options.
    {},
    { tsConfig: extractTSConfig(PROJECT_TSCONFIG) },
  );
  const output = result.output as ICruiseResult;
  const breaches = new Map<string, Breach>();
  for (const mod of output.modules) {
    for (const dep of mod.dependencies) {
      if (dep.valid) continue;
      for (const rule of dep.rules ?? []) {
        const lines = importLines(path.join(root, mod.source), dep.module);
        for (const line of lines.length > 0 ? lines : [1]) {
          // The same file imported twice (a type and a value import) is one dependency per line.
          breaches.set(`${mod.source}:${line}:${rule.name}`, {
            rule: rule.name,
            file: mod.source,
            line,
            detail: `imports ${dep.resolved}: ${describe(rule.name)}`,
          });
        }
      }
    }
  }
  return [...breaches.values()];
}

function describe(rule: string): string {
  return IMPORT_RULES.find((r) => r.name === rule)?.comment ?? rule;
}

/** The lines of `file` that import `specifier` (static, re-export, dynamic and `import('…')` type forms). */
function importLines(file: string, specifier: string): number[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    let literal: ts.Node | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      literal = node.moduleSpecifier;
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      literal = node.arguments[0];
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      literal = node.argument.literal;
    }
    if (literal && ts.isStringLiteralLike(literal) && literal.text === specifier) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}
