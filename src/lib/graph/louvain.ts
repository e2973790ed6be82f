import type { EdgeList } from './csr.ts';

/** An undirected weighted graph as symmetric CSR: each edge stored both ways; a self-loop once, holding its weight × 2. */
type Sym = { n: number; offsets: Uint32Array; targets: Uint32Array; weights: Float64Array };

function symmetric(edges: EdgeList): Sym {
  const { n, from, to, weight } = edges;
  const counts = new Uint32Array(n + 1);
  for (let i = 0; i < from.length; i++) {
    if (from[i] === to[i]) continue;
    counts[from[i] + 1]++;
    counts[to[i] + 1]++;
  }
  for (let v = 0; v < n; v++) counts[v + 1] += counts[v];
  const cursor = counts.slice(0, n);
  const rawTargets = new Uint32Array(counts[n]);
  const rawWeights = new Float64Array(counts[n]);
  for (let i = 0; i < from.length; i++) {
    const u = from[i];
    const v = to[i];
    if (u === v) continue;
    const w = weight ? weight[i] : 1;
    rawTargets[cursor[u]] = v;
    rawWeights[cursor[u]++] = w;
    rawTargets[cursor[v]] = u;
    rawWeights[cursor[v]++] = w;
  }
  return merge(n, counts, rawTargets, rawWeights);
}

/** Adds up parallel entries of each row (a mutual follow becomes one edge of weight 2). */
function merge(n: number, offsets: Uint32Array, targets: Uint32Array, weights: Float64Array): Sym {
  const acc = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const outOffsets = new Uint32Array(n + 1);
  const outTargets = new Uint32Array(targets.length);
  const outWeights = new Float64Array(targets.length);
  let at = 0;
  const touched: number[] = [];
  for (let u = 0; u < n; u++) {
    touched.length = 0;
    for (let i = offsets[u]; i < offsets[u + 1]; i++) {
      const v = targets[i];
      if (seen[v] !== u) {
        seen[v] = u;
        acc[v] = 0;
        touched.push(v);
      }
      acc[v] += weights[i];
    }
    for (const v of touched) {
      outTargets[at] = v;
      outWeights[at++] = acc[v];
    }
    outOffsets[u + 1] = at;
  }
  return { n, offsets: outOffsets, targets: outTargets.slice(0, at), weights: outWeights.slice(0, at) };
}

/** One level of local moves; returns each node's community (dense 0 … k − 1) and whether anything moved. */
function localMoves(
  g: Sym,
  resolution: number,
  random: () => number,
): { of: Int32Array; count: number; moved: boolean } {
  const { n, offsets, targets, weights } = g;
  const degree = new Float64Array(n);
  let m2 = 0;
  for (let u = 0; u < n; u++) {
    for (let i = offsets[u]; i < offsets[u + 1]; i++) degree[u] += weights[i];
    m2 += degree[u];
  }
  const community = new Int32Array(n);
  const total = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    community[u] = u;
    total[u] = degree[u];
  }
  if (m2 === 0) return { of: community, count: n, moved: false };
  const order = new Uint32Array(n);
  for (let u = 0; u < n; u++) order[u] = u;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const linkTo = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const candidates: number[] = [];
  let movedAny = false;
  for (let pass = 0; pass < 100; pass++) {
    let moves = 0;
    for (let oi = 0; oi < n; oi++) {
      const u = order[oi];
      const own = community[u];
      candidates.length = 0;
      seen[own] = u;
      linkTo[own] = 0;
      candidates.push(own);
      for (let i = offsets[u]; i < offsets[u + 1]; i++) {
        const v = targets[i];
        if (v === u) continue;
        const c = community[v];
        if (seen[c] !== u) {
          seen[c] = u;
          linkTo[c] = 0;
          candidates.push(c);
        }
        linkTo[c] += weights[i];
      }
      total[own] -= degree[u];
      const k = (resolution * degree[u]) / m2;
      let best = own;
      let bestGain = linkTo[own] - total[own] * k;
      for (const c of candidates) {
        const gain = linkTo[c] - total[c] * k;
        if (
          gain > bestGain + 1e-12 ||
          (gain === bestGain && c < best && c !== own && gain > linkTo[own] - total[own] * k)
        ) {
          best = c;
          bestGain = gain;
        }
      }
      total[best] += degree[u];
      if (best !== own) {
        community[u] = best;
        moves++;
      }
    }
    if (moves === 0) break;
    movedAny = true;
  }
  const renumber = new Int32Array(n).fill(-1);
  let count = 0;
  for (let u = 0; u < n; u++) {
    if (renumber[community[u]] === -1) renumber[community[u]] = count++;
    community[u] = renumber[community[u]];
  }
  return { of: community, count, moved: movedAny };
}

/** The graph of communities: one node per community, entries summed (internal weight becomes a self-loop). */
function aggregate(g: Sym, of: Int32Array, count: number): Sym {
  const members = new Uint32Array(g.n);
  const start = new Uint32Array(count + 1);
  for (let u = 0; u < g.n; u++) start[of[u] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const cursor = start.slice(0, count);
  for (let u = 0; u < g.n; u++) members[cursor[of[u]]++] = u;
  const offsets = new Uint32Array(count + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  const acc = new Float64Array(count);
  const seen = new Int32Array(count).fill(-1);
  const touched: number[] = [];
  for (let c = 0; c < count; c++) {
    touched.length = 0;
    for (let mi = start[c]; mi < start[c + 1]; mi++) {
      const u = members[mi];
      for (let i = g.offsets[u]; i < g.offsets[u + 1]; i++) {
        const d = of[g.targets[i]];
        if (seen[d] !== c) {
          seen[d] = c;
          acc[d] = 0;
          touched.push(d);
        }
        acc[d] += g.weights[i];
      }
    }
    for (const d of touched) {
      targets.push(d);
      weights.push(acc[d]);
    }
    offsets[c + 1] = targets.length;
  }
  return { n: count, offsets, targets: Uint32Array.from(targets), weights: Float64Array.from(weights) };
}

/** Newman modularity of a partition of the symmetric graph. */
function modularity(g: Sym, of: Int32Array, count: number, resolution: number): number {
  const inside = new Float64Array(count);
  const total = new Float64Array(count);
  let m2 = 0;
  for (let u = 0; u < g.n; u++) {
    for (let i = g.offsets[u]; i < g.offsets[u + 1]; i++) {
      const w = g.weights[i];
      m2 += w;
      total[of[u]] += w;
      if (of[g.targets[i]] === of[u]) inside[of[u]] += w;
    }
  }
  if (m2 === 0) return 0;
  let q = 0;
  for (let c = 0; c < count; c++) q += inside[c] / m2 - resolution * (total[c] / m2) ** 2;
  return q;
}

/**
 * Louvain community detection (Blondel et al. 2008) over typed arrays: local moves, then the graph of
 * communities, until a level moves nothing. Edges are taken as undirected, parallel edges add up.
 */
export function louvain(
  edges: EdgeList,
  opts: { resolution?: number; random: () => number },
): { of: Int32Array; count: number; modularity: number } {
  const resolution = opts.resolution ?? 1;
  const base = symmetric(edges);
  let g = base;
  const of = new Int32Array(edges.n);
  for (let u = 0; u < edges.n; u++) of[u] = u;
  let count = edges.n;
  for (let level = 0; level < 50; level++) {
    const step = localMoves(g, resolution, opts.random);
    if (!step.moved) break;
    for (let u = 0; u < edges.n; u++) of[u] = step.of[of[u]];
    count = step.count;
    g = aggregate(g, step.of, step.count);
  }
  return { of, count, modularity: modularity(base, of, count, resolution) };
}
