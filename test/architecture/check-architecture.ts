import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Breach, byPlace, formatBreach } from './breach.ts';
import { checkImports } from './import-rules.ts';
import { checkSql } from './sql-rules.ts';

/** Every breach of the house rules in the tree at `root` (see docs/architecture.md, "Enforced"). */
export async function checkArchitecture(root: string): Promise<Breach[]> {
  const imports = await checkImports(root);
  return [...imports, ...checkSql(root)].sort(byPlace);
}

// `npm run lint:arch`: the same checks as the architecture test, printed one breach a line.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const breaches = await checkArchitecture(root);
  for (const breach of breaches) console.log(formatBreach(breach));
  console.log(
    breaches.length === 0 ? 'architecture: no breach' : `architecture: ${breaches.length} breaches`,
  );
  process.exitCode = breaches.length === 0 ? 0 : 1;
}
