// A child of bench/graph.bench.ts, so its peak memory is the graph work's alone. Argument: a JSON job
// { file, n, directed, reps, mode }; answers one IPC message with its figures.
import { readFileSync } from 'node:fs';
import {
  buildCsr,
  findBridges,
  louvainCommunities,
  pagerank,
  suggestIntroductions,
  topK,
} from '../../src/lib/graph/index.ts';

type Job = { file: string; n: number; directed: boolean; reps: number; mode: 'pagerank' | 'job' };
const job = JSON.parse(process.argv[2]) as Job;
const bytes = readFileSync(job.file);
const flat = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
const m = flat.length / 2;
const from = new Uint32Array(m);
const to = new Uint32Array(m);
for (let i = 0; i < m; i++) {
  from[i] = flat[2 * i];
  to[i] = flat[2 * i + 1];
}
const edges = { n: job.n, from, to };
const ms = (start: number) => performance.now() - start;

let start = performance.now();
const g = buildCsr(edges, { undirected: !job.directed });
const csrMs = ms(start);
const runs: number[] = [];
let result = pagerank(g);
for (let r = 0; r < job.reps; r++) {
  start = performance.now();
  result = pagerank(g);
  runs.push(ms(start));
}
runs.sort((a, b) => a - b);
const figures: Record<string, unknown> = {
  edges: m,
  csrMs,
  pagerankMs: runs[Math.floor(runs.length / 2)],
  iterations: result.iterations,
  top20: topK(result.scores, 20),
};
if (job.mode === 'job') {
  // The nightly job's compute: CSR, PageRank, Louvain, bridges and introductions, end to end.
  start = performance.now();
  const undirected = job.directed ? buildCsr(edges, { undirected: true }) : g;
  const ranks = pagerank(g).scores;
  const lv = performance.now();
  const communities = louvainCommunities(edges);
  figures.louvainMs = ms(lv);
  const bridges = findBridges(undirected, communities.of, ranks, { limit: 500 });
  suggestIntroductions(undirected, communities.of, ranks, bridges, { limit: 50 });
  figures.jobMs = ms(start) + csrMs;
  figures.communities = communities.count;
  figures.modularity = communities.modularity;
}
figures.maxRssMb = process.resourceUsage().maxRSS / 1024;
process.send?.(figures);
