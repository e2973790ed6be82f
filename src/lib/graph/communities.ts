import type { EdgeList } from './csr.ts';
import { louvain } from './louvain.ts';

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
 * Louvain communities of the undirected graph the edges make: a follow in either direction links two people,
 * parallel edges add their weights, self-loops are dropped. Our own typed-array Louvain (louvain.ts):
 * graphology-communities-louvain took 12× igraph's time on the 2.5M-follow demo world (BENCHMARKS.md).
 */
export function louvainCommunities(
  edges: EdgeList,
  opts: { seed?: number; resolution?: number } = {},
): Communities {
  const { n } = edges;
  const result = louvain(edges, { random: seededRandom(opts.seed ?? 1), resolution: opts.resolution ?? 1 });
  const raw = new Int32Array(n);
  const rawSizes = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const c = result.of[v];
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
