import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildCsr,
  findBridges,
  louvainCommunities,
  pagerank,
  readSnapEdges,
  snapDataDir,
  suggestIntroductions,
} from './index.ts';

const snapDir = snapDataDir(fileURLToPath(new URL('../../..', import.meta.url)));

/** Two 5-cliques (0–4 and 5–9) and node 10, which knows 0, 1, 5 and 6. */
function twoCliquesAndABridge() {
  const pairs: [number, number][] = [];
  for (const base of [0, 5]) {
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) pairs.push([base + i, base + j]);
  }
  for (const friend of [0, 1, 5, 6]) pairs.push([10, friend]);
  return { n: 11, from: pairs.map((p) => p[0]), to: pairs.map((p) => p[1]) };
}

describe('communities, bridges and introductions', () => {
  it('should put each clique in its own community, the same for the same seed', () => {
    const edges = twoCliquesAndABridge();
    const c = louvainCommunities(edges, { seed: 7 });
    expect(c.count).toBe(2);
    expect(new Set([0, 1, 2, 3, 4].map((v) => c.of[v])).size).toBe(1);
    expect(new Set([5, 6, 7, 8, 9].map((v) => c.of[v])).size).toBe(1);
    expect(c.of[0]).not.toBe(c.of[5]);
    expect(c.modularity).toBeGreaterThan(0.3);
    expect(Array.from(louvainCommunities(edges, { seed: 7 }).of)).toEqual(Array.from(c.of));
  });

  it('should name the node between the cliques as the bridge and introduce the two sides through it', () => {
    const edges = twoCliquesAndABridge();
    const g = buildCsr(edges, { undirected: true });
    const c = louvainCommunities(edges);
    const { scores } = pagerank(g);
    const bridges = findBridges(g, c.of, scores);
    expect(bridges[0]).toMatchObject({ node: 10, communities: 2 });
    expect(bridges[0].diversity).toBeCloseTo(0.5, 9);
    const intros = suggestIntroductions(g, c.of, scores, bridges);
    expect(intros.length).toBeGreaterThan(0);
    const first = intros[0];
    expect(c.of[first.a]).not.toBe(c.of[first.b]);
    expect(first.via).toContain(10);
  });

  it.skipIf(!snapDir)(
    'should find communities on SNAP ego-Facebook as good as igraph’s multilevel (Q ≈ 0.835)',
    () => {
      const c = louvainCommunities(readSnapEdges(snapDir as string));
      expect(c.modularity).toBeGreaterThan(0.82);
      expect(c.sizes.reduce((a, b) => a + b, 0)).toBe(4039);
    },
  );
});
