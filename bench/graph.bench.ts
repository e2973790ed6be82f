// Graph benchmark (issue 14): PageRank and Louvain on the demo world's follow graph (100,000 people, about
// 2.5M follows by default) and on SNAP ego-Facebook, beside igraph's C implementation on the same edge lists
// in the same run. Targets (exit code): PageRank within 2× igraph's time, peak memory of the PageRank process
// under 500 MB, the nightly job's compute under 60 s. Flags: --people N (scale), --reps N.
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAccounts } from '../src/demo/accounts.ts';
import { buildFollows, pull } from '../src/demo/graph.ts';
import { Rng } from '../src/demo/random.ts';
import { readSnapEdges, snapDataDir } from '../src/lib/graph/index.ts';

const { values: flags } = parseArgs({
  options: { people: { type: 'string', default: '100000' }, reps: { type: 'string', default: '3' } },
});
const people = Number(flags.people);
const reps = Number(flags.reps);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const log = (msg: string) => console.error(`[bench] ${msg}`);
const TARGETS = { pagerankRatio: 2, maxRssMb: 500, jobSeconds: 60 };
const PYTHON = '/usr/bin/python3';

type Figures = {
  edges: number;
  pagerankMs: number;
  iterations: number;
  top20: number[];
  maxRssMb: number;
  louvainMs?: number;
  jobMs?: number;
  communities?: number;
  modularity?: number;
};
type Ceiling = {
  pagerankMs: number;
  louvainMs: number;
  communities: number;
  modularity: number;
  top20: number[];
};

function runChild(job: object): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'graph', 'compute.child.ts'), [JSON.stringify(job)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: Figures | undefined;
    child.on('message', (msg) => {
      answer = msg as Figures;
    });
    child.on('exit', (code) => (answer ? resolve(answer) : reject(new Error(`graph child exited ${code}`))));
  });
}

function igraphAvailable(): boolean {
  const check = () => {
    try {
      execFileSync(PYTHON, ['-c', 'import igraph'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (check()) return true;
  if (process.getuid?.() === 0) {
    log('installing python3-igraph from Debian for the ceiling …');
    try {
      execFileSync('apt-get', ['install', '-y', 'python3-igraph'], { stdio: 'ignore' });
    } catch {
      return false;
    }
  }
  return check();
}

function runIgraph(file: string, n: number, directed: boolean): Ceiling {
  const script = path.join(here, 'graph', 'igraph-ceiling.py');
  const args = [script, file, String(n), directed ? 'directed' : 'undirected', String(reps)];
  return JSON.parse(execFileSync(PYTHON, args, { encoding: 'utf8', maxBuffer: 1 << 24 })) as Ceiling;
}

function writeEdges(dir: string, name: string, from: ArrayLike<number>, to: ArrayLike<number>): string {
  const flat = new Uint32Array(2 * from.length);
  for (let i = 0; i < from.length; i++) {
    flat[2 * i] = from[i];
    flat[2 * i + 1] = to[i];
  }
  const file = path.join(dir, `${name}.u32`);
  writeFileSync(file, flat);
  return file;
}

function demoEdges() {
  const rng = new Rng(1);
  const accounts = buildAccounts(people, rng.fork('accounts'), Date.UTC(2026, 11, 1), {
    handles: new Set(),
    emails: new Set(),
  });
  const graph = buildFollows(accounts, pull(accounts, rng.fork('pull')), rng.fork('follows'));
  const n = accounts.list.length;
  const from = new Uint32Array(graph.targets.length);
  for (let a = 0; a < n; a++) for (let i = graph.offsets[a]; i < graph.offsets[a + 1]; i++) from[i] = a;
  return { n, from, to: graph.targets };
}

const overlap = (a: number[], b: number[]) => a.filter((v) => b.includes(v)).length;
const fmt = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(1));

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'souk-graph-bench-'));
  const withCeiling = igraphAvailable();
  if (!withCeiling) log('python3-igraph is not available: the igraph ceiling and its ratio are skipped');
  const failures: string[] = [];
  const rows: string[] = [];
  try {
    const graphs: {
      name: string;
      n: number;
      from: ArrayLike<number>;
      to: ArrayLike<number>;
      directed: boolean;
    }[] = [];
    log(`building the demo world's follow graph for ${people.toLocaleString('en')} people …`);
    graphs.push({ name: 'demo world', directed: true, ...demoEdges() });
    const snap = snapDataDir(repoRoot);
    if (snap) graphs.push({ name: 'SNAP ego-Facebook', directed: false, ...readSnapEdges(snap) });
    else log('SNAP ego-Facebook folder absent: skipped');
    for (const g of graphs) {
      const file = writeEdges(dir, g.name.replace(/\W+/g, '-'), g.from, g.to);
      log(`${g.name}: ${g.n.toLocaleString('en')} nodes, ${g.from.length.toLocaleString('en')} edges`);
      const pr = await runChild({ file, n: g.n, directed: g.directed, reps, mode: 'pagerank' });
      const job = await runChild({ file, n: g.n, directed: g.directed, reps: 0, mode: 'job' });
      const ceiling = withCeiling ? runIgraph(file, g.n, g.directed) : undefined;
      const ratio = ceiling ? pr.pagerankMs / ceiling.pagerankMs : undefined;
      rows.push(
        `${g.name.padEnd(18)} ${String(g.n).padStart(8)} ${String(g.from.length).padStart(9)}  PageRank ${fmt(pr.pagerankMs)} ms` +
          ` (${pr.iterations} it, igraph ${fmt(ceiling?.pagerankMs)} ms, ratio ${ratio ? ratio.toFixed(2) : 'skipped'},` +
          ` top-20 shared ${ceiling ? overlap(pr.top20, ceiling.top20) : '—'}/20)  peak RSS ${fmt(pr.maxRssMb)} MB` +
          `  Louvain ${fmt(job.louvainMs)} ms (${job.communities} communities, Q ${job.modularity?.toFixed(3)};` +
          ` igraph ${fmt(ceiling?.louvainMs)} ms, ${ceiling?.communities ?? '—'}, Q ${ceiling?.modularity.toFixed(3) ?? '—'})` +
          `  job ${fmt((job.jobMs ?? 0) / 1000)} s`,
      );
      if (ratio !== undefined && ratio > TARGETS.pagerankRatio) {
        failures.push(`${g.name}: PageRank ${ratio.toFixed(2)}× igraph (target ≤ ${TARGETS.pagerankRatio}×)`);
      }
      if (pr.maxRssMb > TARGETS.maxRssMb)
        failures.push(`${g.name}: peak RSS ${fmt(pr.maxRssMb)} MB (target < 500)`);
      if ((job.jobMs ?? 0) / 1000 > TARGETS.jobSeconds) {
        failures.push(`${g.name}: nightly job compute ${fmt((job.jobMs ?? 0) / 1000)} s (target < 60)`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `graph benchmark (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, reps ${reps})`,
  );
  for (const row of rows) console.log(row);
  if (failures.length > 0) {
    console.log(`MISSED: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('all targets met');
}

await main();
