import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { Breach } from './breach.ts';

/**
 * The only places besides `*.repo.ts` files where SQL may be written in `src/`, each with its reason.
 * Tests (`*.test.ts`) are not scanned: they may read rows to assert what a user would notice.
 * A stored procedure's source is a `*.sql` file beside its module's repo: not TypeScript, so not SQL "outside
 * a repo", but its table names are checked against ownership like a repo's.
 */
export const SQL_EXCEPTIONS: { path: RegExp; why: string }[] = [
  {
    path: /^src\/platform\/migrations\//,
    why: 'migrations create and change every module’s tables (frozen once merged, never import app code)',
  },
];

/** Kysely builder methods that start or run a query (called on a Kysely instance, a transaction or `eb`). */
const QUERY_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'selectNoFrom',
  'withRecursive',
  'executeQuery',
]);
/** Methods whose first argument names a table (`'posts'`, `'posts as p'`, or an array of those). */
const TABLE_ARGUMENT_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'using',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
  'table',
]);
/** `db.schema.<method>(…)`: DDL outside migrations. */
const SCHEMA_METHODS = new Set([
  'createTable',
  'alterTable',
  'dropTable',
  'createIndex',
  'dropIndex',
  'createView',
]);
/** Raw statements handed to a driver (`pglite.exec('…')`, `client.query('…')`). */
const DRIVER_METHODS = new Set(['query', 'exec']);
const SQL_START =
  /^\s*(select|insert|update|delete|with|create|alter|drop|truncate|copy|analyze|vacuum|lock|set|merge)\b/i;

type Owners = Map<string, string>;

/** Rules 2 and 3 over the tree at `root`: SQL only in repos, and each repo only on its own module's tables. */
export function checkSql(root: string): Breach[] {
  const owners = tableOwners(root);
  const breaches: Breach[] = [];
  for (const file of walk(root, 'src')) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    if (file.endsWith('.sql')) {
      breaches.push(...foreignTablesInSql(file, text, 1, owners));
      continue;
    }
    if (!/\.tsx?$/.test(file)) continue;
    const isRepo = file.endsWith('.repo.ts');
    const excepted = SQL_EXCEPTIONS.some((e) => e.path.test(file));
    const found = scanFile(file, text, owners);
    if (!isRepo && !excepted) breaches.push(...found.sql);
    if (isRepo) breaches.push(...found.foreign);
  }
  return breaches;
}

/** Which module owns which table: the keys of the `…Tables` types exported by each `*.tables.ts`. */
export function tableOwners(root: string): Owners {
  const owners: Owners = new Map();
  for (const file of walk(root, 'src')) {
    if (!file.endsWith('.tables.ts')) continue;
    const owner = ownerOf(file);
    if (!owner) continue;
    const source = parse(root, file);
    for (const statement of source.statements) {
      if (!ts.isTypeAliasDeclaration(statement) || !statement.name.text.endsWith('Tables')) continue;
      if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const literal of typeLiterals(statement.type)) {
        for (const member of literal.members) {
          if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
            owners.set(member.name.text, owner);
          }
        }
      }
    }
  }
  return owners;
}

/** `src/modules/<m>/…` is owned by module m; `src/platform/…` by the platform (the outbox). */
function ownerOf(file: string): string | undefined {
  const mod = /^src\/modules\/([^/]+)\//.exec(file);
  if (mod) return mod[1];
  return file.startsWith('src/platform/') ? 'platform' : undefined;
}

function typeLiterals(type: ts.TypeNode): ts.TypeLiteralNode[] {
  if (ts.isTypeLiteralNode(type)) return [type];
  if (ts.isIntersectionTypeNode(type) || ts.isUnionTypeNode(type)) return type.types.flatMap(typeLiterals);
  if (ts.isParenthesizedTypeNode(type)) return typeLiterals(type.type);
  return [];
}

function scanFile(file: string, text: string, owners: Owners): { sql: Breach[]; foreign: Breach[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const me = ownerOf(file);
  // `sql` counts by name too, so that re-exporting Kysely's tag from a helper file does not hide it.
  const sqlNames = new Set<string>(['sql']);
  const compiledQueryNames = new Set<string>();
  const namespaces = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== 'kysely' || statement.importClause?.isTypeOnly) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        if (imported === 'sql') sqlNames.add(element.name.text);
        if (imported === 'CompiledQuery') compiledQueryNames.add(element.name.text);
      }
    }
  }
  const isSqlTag = (node: ts.Expression): boolean =>
    (ts.isIdentifier(node) && sqlNames.has(node.text)) ||
    (ts.isPropertyAccessExpression(node) &&
      node.name.text === 'sql' &&
      ts.isIdentifier(node.expression) &&
      namespaces.has(node.expression.text));

  const sql: Breach[] = [];
  const foreign: Breach[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const flagSql = (node: ts.Node, what: string) =>
    sql.push({
      rule: 'sql-outside-repo',
      file,
      line: lineOf(node),
      detail: `${what}: SQL lives in a *.repo.ts of the module that owns the tables`,
    });
  const flagTable = (node: ts.Node, table: string) => {
    const owner = owners.get(table);
    if (!owner || owner === me) return;
    foreign.push({
      rule: 'foreign-table',
      file,
      line: lineOf(node),
      detail: `names table ${table}, owned by ${owner}: ask ${owner} through its index.ts`,
    });
  };
  const tableArgument = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node)) {
      const table = /^\s*([a-z_][a-z0-9_]*)/i.exec(node.text)?.[1];
      if (table) flagTable(node, table);
    } else if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) tableArgument(element);
    }
  };

  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && isSqlTag(node.tag)) {
      flagSql(node, 'sql`…` template');
      const raw = ts.isNoSubstitutionTemplateLiteral(node.template)
        ? node.template.text
        : [node.template.head.text, ...node.template.templateSpans.map((s) => ` $x ${s.literal.text}`)].join(
            '',
          );
      for (const { table, offset } of tablesInSqlText(raw, owners)) {
        const line = lineOf(node.template) + lineCount(raw.slice(0, offset));
        const owner = owners.get(table);
        if (owner && owner !== me) {
          foreign.push({
            rule: 'foreign-table',
            file,
            line,
            detail: `names table ${table}, owned by ${owner}: ask ${owner} through its index.ts`,
          });
        }
      }
    } else if (ts.isPropertyAccessExpression(node) && isSqlTag(node.expression)) {
      flagSql(node, `sql.${node.name.text}(…)`);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const receiver = node.expression.expression;
      const first = node.arguments[0];
      if (QUERY_METHODS.has(method)) flagSql(node.expression.name, `.${method}(…)`);
      else if (method === 'with' && first && isCteArgument(first)) flagSql(node.expression.name, '.with(…)');
      else if (
        SCHEMA_METHODS.has(method) &&
        ts.isPropertyAccessExpression(receiver) &&
        receiver.name.text === 'schema'
      ) {
        flagSql(node.expression.name, `.schema.${method}(…)`);
      } else if (method === 'raw' && ts.isIdentifier(receiver) && compiledQueryNames.has(receiver.text)) {
        flagSql(node, 'CompiledQuery.raw(…)');
      } else if (
        DRIVER_METHODS.has(method) &&
        first &&
        ts.isStringLiteralLike(first) &&
        SQL_START.test(first.text)
      ) {
        flagSql(node.expression.name, `.${method}('${first.text.trim().split(/\s+/)[0]} …')`);
      }
      if (TABLE_ARGUMENT_METHODS.has(method) && first) tableArgument(first);
      if (method === 'raw' && isSqlTag(receiver) && first && ts.isStringLiteralLike(first)) {
        for (const { table } of tablesInSqlText(first.text, owners)) flagTable(first, table);
      }
    }
    // `'table.column'` (and `'table.column as alias'`) anywhere in a repo names the table too.
    if (ts.isStringLiteralLike(node) && !ts.isImportDeclaration(node.parent)) {
      const qualified = /^([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*|\*)(\s+as\s+\w+)?$/i.exec(node.text);
      if (qualified) flagTable(node, qualified[1]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { sql, foreign };
}

/** Kysely's `with('name', …)`/`with((cte) => …)`; `Array.prototype.with(index, value)` takes a number. */
function isCteArgument(node: ts.Expression): boolean {
  return ts.isStringLiteralLike(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/**
 * Table names in SQL text: an identifier after FROM, JOIN, INTO, UPDATE, TABLE, USING, TRUNCATE or ONLY, or
 * one qualifying a column (`posts.id`); quoted strings and comments are skipped. Only known tables count.
 */
export function tablesInSqlText(text: string, owners: Owners): { table: string; offset: number }[] {
  const blanked = text
    .replace(/--[^\n]*/g, (m) => ' '.repeat(m.length))
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/'(?:[^']|'')*'/g, (m) => m.replace(/[^\n]/g, ' '));
  const found: { table: string; offset: number }[] = [];
  const afterKeyword =
    /\b(?:from|join|into|update|table|using|truncate|only)\s+(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;
  for (const m of blanked.matchAll(afterKeyword)) {
    if (owners.has(m[1])) found.push({ table: m[1], offset: m.index ?? 0 });
  }
  for (const m of blanked.matchAll(/\b([a-z_][a-z0-9_]*)\.[a-z_*"]/gi)) {
    if (owners.has(m[1])) found.push({ table: m[1], offset: m.index ?? 0 });
  }
  return found;
}

function foreignTablesInSql(file: string, text: string, firstLine: number, owners: Owners): Breach[] {
  const me = ownerOf(file);
  return tablesInSqlText(text, owners)
    .filter(({ table }) => owners.get(table) !== me)
    .map(({ table, offset }) => ({
      rule: 'foreign-table',
      file,
      line: firstLine + lineCount(text.slice(0, offset)),
      detail: `names table ${table}, owned by ${owners.get(table)}: ask it through its index.ts`,
    }));
}

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

function scriptKind(file: string): ts.ScriptKind {
  return file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

function parse(root: string, file: string): ts.SourceFile {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
}

/** Files under `root/dir`, as paths relative to `root` with `/` separators. */
function walk(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.includes('/node_modules/'))
    .sort();
}
