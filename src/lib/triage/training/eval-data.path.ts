import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The public data folder: `SOUK_EVAL_DATA`, else `../shared/data` beside the repository root. */
export function resolveEvalDataDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SOUK_EVAL_DATA ?? join(repoRoot, '..', 'shared', 'data'));
}

/** True when the named data set folders are all present, so callers can skip with a clear message. */
export function hasDataSets(dataDir: string, names: readonly string[]): boolean {
  return names.every((name) => existsSync(join(dataDir, name)));
}
