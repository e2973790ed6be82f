/**
 * A directed graph in compressed sparse rows over typed arrays: the in-edges of node v are
 * `sources[offsets[v] .. offsets[v + 1])` with their `weights`; `outWeight[u]` is the total weight leaving u.
 * Nodes are dense integers 0 … n − 1; callers map their ids to them.
 */
export type Csr = {
  n: number;
  offsets: Uint32Array;
  sources: Uint32Array;
  /** Null when every edge weighs 1 (saves a multiply and 8 bytes an edge). */
  weights: Float64Array | null;
  outWeight: Float64Array;
};

export type EdgeList = {
  n: number;
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  /** Omitted: every edge weighs 1. Non-positive or non-finite weights are refused. */
  weight?: ArrayLike<number>;
};

/**
 * Builds the in-edge CSR of an edge list. `undirected` adds each edge in both directions (the convention of
 * networkx and igraph for PageRank on an undirected graph). Self-loops are kept; parallel edges add up.
 */
export function buildCsr(edges: EdgeList, opts: { undirected?: boolean } = {}): Csr {
  const { n, from, to, weight } = edges;
  const m = from.length;
  if (to.length !== m || (weight && weight.length !== m))
    throw new RangeError('edge arrays differ in length');
  const both = opts.undirected === true;
  const total = both ? 2 * m : m;
  const counts = new Uint32Array(n + 1);
  const outWeight = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const u = from[i];
    const v = to[i];
    if (!(u >= 0 && u < n && v >= 0 && v < n) || !Number.isInteger(u) || !Number.isInteger(v)) {
      throw new RangeError(`edge ${i} names a node outside 0…${n - 1}`);
    }
    const w = weight ? weight[i] : 1;
    if (!(w > 0 && Number.isFinite(w)))
      throw new RangeError(`edge ${i} has weight ${w}; weights must be > 0`);
    counts[v + 1]++;
    outWeight[u] += w;
    if (both) {
      counts[u + 1]++;
      outWeight[v] += w;
    }
  }
  const offsets = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v] + counts[v + 1];
  const cursor = offsets.slice(0, n);
  const sources = new Uint32Array(total);
  const weights = weight ? new Float64Array(total) : null;
  const put = (u: number, v: number, w: number) => {
    const at = cursor[v]++;
    sources[at] = u;
    if (weights) weights[at] = w;
  };
  for (let i = 0; i < m; i++) {
    const w = weight ? weight[i] : 1;
    put(from[i], to[i], w);
    if (both) put(to[i], from[i], w);
  }
  return { n, offsets, sources, weights, outWeight };
}
