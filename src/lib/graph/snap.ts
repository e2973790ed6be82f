import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EdgeList } from './csr.ts';

/** The SNAP ego-Facebook folder: `SOUK_EVAL_DATA`/snap-ego-facebook, else `../shared/data/…` beside the repo. */
export function snapDataDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = resolve(env.SOUK_EVAL_DATA ?? join(repoRoot, '..', 'shared', 'data'), 'snap-ego-facebook');
  return existsSync(join(dir, 'facebook_combined.txt')) ? dir : null;
}

/** Reads `facebook_combined.txt` (one `u v` undirected edge a line, ids 0 … n − 1). */
export function readSnapEdges(dir: string): EdgeList {
  const text = readFileSync(join(dir, 'facebook_combined.txt'), 'utf8');
  const from: number[] = [];
  const to: number[] = [];
  let n = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [u, v] = line.trim().split(/\s+/).map(Number);
    if (!Number.isInteger(u) || !Number.isInteger(v)) throw new Error(`bad edge line: ${line}`);
    from.push(u);
    to.push(v);
    n = Math.max(n, u + 1, v + 1);
  }
  return { n, from: Uint32Array.from(from), to: Uint32Array.from(to) };
}

/** The reference PageRank (`pagerank_reference_alpha085.tsv`): node → networkx score, and the ranked nodes. */
export function readSnapReference(dir: string): { score: Map<number, number>; ranked: number[] } {
  const lines = readFileSync(join(dir, 'pagerank_reference_alpha085.tsv'), 'utf8').trim().split('\n');
  const header = lines[0].split('\t');
  const nodeAt = header.indexOf('node');
  const nxAt = header.indexOf('pagerank_networkx');
  const rankAt = header.indexOf('rank');
  const rows = lines.slice(1).map((l) => l.split('\t'));
  const score = new Map(rows.map((r) => [Number(r[nodeAt]), Number(r[nxAt])]));
  const ranked = rows.sort((a, b) => Number(a[rankAt]) - Number(b[rankAt])).map((r) => Number(r[nodeAt]));
  return { score, ranked };
}
