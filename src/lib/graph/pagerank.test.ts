import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCsr, pagerank, readSnapEdges, readSnapReference, snapDataDir, topK } from './index.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const snapDir = snapDataDir(repoRoot);

describe('pagerank', () => {
  it('should give every node of a cycle the same score', () => {
    const g = buildCsr({ n: 4, from: [0, 1, 2, 3], to: [1, 2, 3, 0] });
    const { scores, converged } = pagerank(g);
    expect(converged).toBe(true);
    for (const s of scores) expect(s).toBeCloseTo(0.25, 12);
  });

  it('should spread a dangling node over every node, as networkx and igraph do', () => {
    // 0 → 1, 1 → 2, 2 dangles. igraph 0.10 Graph.pagerank(damping=0.85) gives these values.
    const { scores } = pagerank(buildCsr({ n: 3, from: [0, 1], to: [1, 2] }));
    expect(scores[0]).toBeCloseTo(0.18441678, 7);
    expect(scores[1]).toBeCloseTo(0.34117105, 7);
    expect(scores[2]).toBeCloseTo(0.47441217, 7);
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('should split rank by edge weight when edges are weighted', () => {
    const g = buildCsr({ n: 3, from: [0, 0, 1, 2], to: [1, 2, 0, 0], weight: [3, 1, 1, 1] });
    const { scores } = pagerank(g);
    expect(scores[1]).toBeGreaterThan(scores[2]);
  });

  it('should refuse an edge to a node that does not exist or a weight that is not positive', () => {
    expect(() => buildCsr({ n: 2, from: [0], to: [2] })).toThrow(/outside/);
    expect(() => buildCsr({ n: 2, from: [0], to: [1], weight: [-1] })).toThrow(/weight/);
  });

  it.skipIf(!snapDir)(
    'should match the networkx reference on SNAP ego-Facebook within 1e-6, same top 20',
    () => {
      const dir = snapDir as string;
      const edges = readSnapEdges(dir);
      const reference = readSnapReference(dir);
      expect(edges.n).toBe(4039);
      expect(edges.from.length).toBe(88234);
      const { scores, converged } = pagerank(buildCsr(edges, { undirected: true }), { alpha: 0.85 });
      expect(converged).toBe(true);
      let worst = 0;
      for (const [node, value] of reference.score) worst = Math.max(worst, Math.abs(scores[node] - value));
      expect(reference.score.size).toBe(4039);
      expect(worst).toBeLessThan(1e-6);
      expect(topK(scores, 20)).toEqual(reference.ranked.slice(0, 20));
    },
  );
});
