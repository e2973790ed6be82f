// Graph algorithms over typed arrays: PageRank, Louvain communities, bridges and introductions. Pure: no
// database, no module; the advocates module and bench/graph.bench.ts use them.
export { type Bridge, findBridges, type Introduction, suggestIntroductions } from './bridges.ts';
export { type Communities, louvainCommunities, seededRandom } from './communities.ts';
export { buildCsr, type Csr, type EdgeList } from './csr.ts';
export { type PageRankOptions, type PageRankResult, pagerank, topK } from './pagerank.ts';
export { readSnapEdges, readSnapReference, snapDataDir } from './snap.ts';
