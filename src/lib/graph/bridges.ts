import type { Csr } from './csr.ts';

export type Bridge = {
  node: number;
  /** Distinct communities among the node's neighbours, its own included. */
  communities: number;
  /** Gini–Simpson diversity of the neighbours' communities: 0 all in one, → 1 spread evenly over many. */
  diversity: number;
};

/**
 * People who bridge communities: nodes whose neighbours (either direction) fall in at least `minCommunities`
 * communities, each of which holds at least `minShare` of the node's neighbours. Ranked by diversity × rank.
 */
export function findBridges(
  g: Csr,
  community: Int32Array,
  rank: Float64Array,
  opts: { minCommunities?: number; minShare?: number; limit?: number } = {},
): Bridge[] {
  const minCommunities = opts.minCommunities ?? 2;
  const minShare = opts.minShare ?? 0.1;
  const out: Bridge[] = [];
  const counts = new Map<number, number>();
  for (let v = 0; v < g.n; v++) {
    const start = g.offsets[v];
    const end = g.offsets[v + 1];
    const degree = end - start;
    if (degree < 2) continue;
    counts.clear();
    for (let i = start; i < end; i++) {
      const c = community[g.sources[i]];
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let strong = 0;
    let sumSquares = 0;
    for (const k of counts.values()) {
      const p = k / degree;
      sumSquares += p * p;
      if (p >= minShare) strong++;
    }
    if (strong >= minCommunities) out.push({ node: v, communities: strong, diversity: 1 - sumSquares });
  }
  out.sort((a, b) => b.diversity * rank[b.node] - a.diversity * rank[a.node] || a.node - b.node);
  return out.slice(0, opts.limit ?? out.length);
}

export type Introduction = { a: number; b: number; via: number[]; score: number };

/**
 * Whom to introduce to whom ("network weaving"): pairs of well-ranked people in different communities who are
 * not linked yet but share at least one bridge. For each bridge, its best-ranked neighbour in each community is
 * a candidate; pairs are scored by the product of their ranks times the number of bridges they share.
 */
export function suggestIntroductions(
  g: Csr,
  community: Int32Array,
  rank: Float64Array,
  bridges: Bridge[],
  opts: { limit?: number } = {},
): Introduction[] {
  const linked = (a: number, b: number) => {
    for (let i = g.offsets[a]; i < g.offsets[a + 1]; i++) if (g.sources[i] === b) return true;
    return false;
  };
  const pairs = new Map<string, Introduction>();
  for (const bridge of bridges) {
    const best = new Map<number, number>(); // community → best-ranked neighbour
    for (let i = g.offsets[bridge.node]; i < g.offsets[bridge.node + 1]; i++) {
      const u = g.sources[i];
      const c = community[u];
      const current = best.get(c);
      if (current === undefined || rank[u] > rank[current] || (rank[u] === rank[current] && u < current)) {
        best.set(c, u);
      }
    }
    const picks = [...best.values()];
    for (let i = 0; i < picks.length; i++) {
      for (let j = i + 1; j < picks.length; j++) {
        const a = Math.min(picks[i], picks[j]);
        const b = Math.max(picks[i], picks[j]);
        if (linked(a, b) || linked(b, a)) continue;
        const key = `${a}:${b}`;
        const pair = pairs.get(key) ?? { a, b, via: [], score: 0 };
        pair.via.push(bridge.node);
        pair.score = rank[a] * rank[b] * pair.via.length;
        pairs.set(key, pair);
      }
    }
  }
  return [...pairs.values()]
    .sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)
    .slice(0, opts.limit ?? 20);
}
