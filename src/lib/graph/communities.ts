import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { EdgeList } from './csr.ts';

// The package is CommonJS with an ES-style declaration file: at run time the default import is the function
// itself, while the types under NodeNext see the declaration's namespace. Take whichever is there.
type Louvain = typeof louvainModule.default;
const louvain: Louvain =
  (louvainModule as unknown as { default?: Louvain }).default ?? (louvainModule as unknown as Louvain);

export type Communities = {
  /** Community of each node, 0 … count − 1, largest community first. Isolated nodes get their own. */
  of: Int32Array;
  count: number;
  /** Sizes by community index. */
  sizes: number[];
  modularity: number;
};

/** A deterministic generator for Louvain's node order (mulberry32), so a seed gives the same communities. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Louvain communities (graphology-communities-louvain) of the undirected graph the edges make: a follow in
 * either direction links two people, parallel edges add their weights, self-loops are dropped.
 */
export function louvainCommunities(
  edges: EdgeList,
  opts: { seed?: number; resolution?: number } = {},
): Communities {
  const { n, from, to, weight } = edges;
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (let v = 0; v < n; v++) graph.addNode(v);
  for (let i = 0; i < from.length; i++) {
    const u = from[i];
    const v = to[i];
    if (u === v) continue;
    const w = weight ? weight[i] : 1;
    graph.updateUndirectedEdge(u, v, (attr) => ({ weight: (attr.weight ?? 0) + w }));
  }
  const result = louvain.detailed(graph, {
    getEdgeWeight: 'weight',
    rng: seededRandom(opts.seed ?? 1),
    resolution: opts.resolution ?? 1,
  });
  const raw = new Int32Array(n);
  const rawSizes = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const c = result.communities[v] ?? -1;
    raw[v] = c;
    rawSizes.set(c, (rawSizes.get(c) ?? 0) + 1);
  }
  // Renumber by size so community 0 is the largest and the numbering does not depend on Louvain's internals.
  const order = [...rawSizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const index = new Map(order.map(([c], i) => [c, i]));
  const of = new Int32Array(n);
  for (let v = 0; v < n; v++) of[v] = index.get(raw[v]) ?? 0;
  return { of, count: order.length, sizes: order.map(([, size]) => size), modularity: result.modularity };
}
