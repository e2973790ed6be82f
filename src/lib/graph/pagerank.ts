import type { Csr } from './csr.ts';

export type PageRankOptions = {
  /** Damping factor (networkx `alpha`, igraph `damping`). */
  alpha?: number;
  /** Stop when the L1 change of the whole vector falls below n × tol (networkx's rule). */
  tol?: number;
  maxIterations?: number;
};

export type PageRankResult = { scores: Float64Array; iterations: number; converged: boolean };

/**
 * PageRank by power iteration, pulling over in-edges. Conventions follow networkx and igraph: uniform
 * teleportation, and a node with no out-edges (dangling) spreads its rank over every node uniformly.
 * Scores sum to 1. Edge weights, when present, split a node's rank in proportion to them.
 */
export function pagerank(g: Csr, opts: PageRankOptions = {}): PageRankResult {
  const alpha = opts.alpha ?? 0.85;
  const tol = opts.tol ?? 1e-12;
  const maxIterations = opts.maxIterations ?? 1000;
  const { n, offsets, sources, weights, outWeight } = g;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, converged: true };
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n); // rank[u] / outWeight[u], refreshed each iteration
  const inverseOut = new Float64Array(n);
  for (let u = 0; u < n; u++) inverseOut[u] = outWeight[u] > 0 ? 1 / outWeight[u] : 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      if (outWeight[u] === 0) dangling += rank[u];
      share[u] = rank[u] * inverseOut[u];
    }
    const base = (1 - alpha) / n + (alpha * dangling) / n;
    let change = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      const end = offsets[v + 1];
      if (weights) for (let i = offsets[v]; i < end; i++) sum += share[sources[i]] * weights[i];
      else for (let i = offsets[v]; i < end; i++) sum += share[sources[i]];
      const value = base + alpha * sum;
      change += Math.abs(value - rank[v]);
      next[v] = value;
    }
    [rank, next] = [next, rank];
    if (change < n * tol) return { scores: rank, iterations: iteration, converged: true };
  }
  return { scores: rank, iterations: maxIterations, converged: false };
}

/** Node indices by descending score (ties by index), the first `k`. */
export function topK(scores: Float64Array, k: number): number[] {
  const order = Array.from(scores.keys());
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order.slice(0, k);
}
