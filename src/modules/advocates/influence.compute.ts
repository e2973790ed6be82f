import { buildCsr, type Csr, findBridges, louvainCommunities, pagerank } from '../../lib/graph/index.ts';

/** Account ids ↔ dense node numbers, with the edges seen so far (grown while pages are read). */
export class GraphBuilder {
  readonly index = new Map<string, number>();
  readonly ids: string[] = [];
  private from = new Uint32Array(1024);
  private to = new Uint32Array(1024);
  private weight = new Float64Array(1024);
  edges = 0;

  node(id: string): number {
    let v = this.index.get(id);
    if (v === undefined) {
      v = this.ids.length;
      this.index.set(id, v);
      this.ids.push(id);
    }
    return v;
  }

  add(fromId: string, toId: string, weight = 1): void {
    if (this.edges === this.from.length) {
      const grow = <T extends Uint32Array | Float64Array>(a: T, make: (n: number) => T) => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.from = grow(this.from, (n) => new Uint32Array(n));
      this.to = grow(this.to, (n) => new Uint32Array(n));
      this.weight = grow(this.weight, (n) => new Float64Array(n));
    }
    this.from[this.edges] = this.node(fromId);
    this.to[this.edges] = this.node(toId);
    this.weight[this.edges] = weight;
    this.edges++;
  }

  edgeList(weighted: boolean) {
    return {
      n: this.ids.length,
      from: this.from.subarray(0, this.edges),
      to: this.to.subarray(0, this.edges),
      ...(weighted ? { weight: this.weight.subarray(0, this.edges) } : {}),
    };
  }
}

/** The follow graph's influence, shared by every brand in a run: rank, communities, bridges. */
export type FollowInfluence = {
  ids: string[];
  index: Map<string, number>;
  /** In-edges: follower → followee, so `sources` of a node are its followers. */
  follows: Csr;
  /** PageRank × n: 1 is an average person. */
  reach: Float64Array;
  community: Int32Array;
  communities: number;
  bridgeDiversity: Map<number, number>;
};

/** PageRank (rank flows from follower to followee), Louvain communities and bridges of the follow graph. */
export function followInfluence(graph: GraphBuilder, seed = 1): FollowInfluence {
  const edges = graph.edgeList(false);
  const follows = buildCsr(edges);
  const { scores } = pagerank(follows);
  const reach = scores.map((s) => s * edges.n);
  const c = louvainCommunities(edges, { seed });
  const undirected = buildCsr(edges, { undirected: true });
  const bridges = findBridges(undirected, c.of, scores);
  return {
    ids: graph.ids,
    index: graph.index,
    follows,
    reach,
    community: c.of,
    communities: c.count,
    bridgeDiversity: new Map(bridges.map((b) => [b.node, b.diversity])),
  };
}

/** PageRank of a weighted amplification graph (resharer → the person reshared), × n; id → value. */
export function amplification(graph: GraphBuilder): Map<string, number> {
  const edges = graph.edgeList(true);
  if (edges.n === 0) return new Map();
  const { scores } = pagerank(buildCsr(edges));
  return new Map(graph.ids.map((id, v) => [id, scores[v] * edges.n]));
}
