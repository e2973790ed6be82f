import { describe, expect, it } from 'vitest';
import { type ConversationFacts, rankServiceQuality, recencyWeight } from './index.ts';

const conv = (brandId: string, over: Partial<ConversationFacts> = {}): ConversationFacts => ({
  brandId,
  industry: 'fashion',
  ageDays: 0,
  firstResponseMinutes: 30,
  resolved: true,
  csat: 4,
  sentimentAfter: 0.2,
  ...over,
});
const many = (brandId: string, n: number, over: Partial<ConversationFacts> = {}) =>
  Array.from({ length: n }, () => conv(brandId, over));

describe('rankServiceQuality', () => {
  it('should pull a brand with 2 perfect conversations most of the way to the industry mean', () => {
    const facts = [
      ...many('good', 50, { firstResponseMinutes: 20, csat: 4 }),
      ...many('poor', 50, { firstResponseMinutes: 600, resolved: false, csat: 2, sentimentAfter: -0.5 }),
      ...many('tiny', 2, { firstResponseMinutes: 0, csat: 5, sentimentAfter: 1 }),
    ];
    const scores = rankServiceQuality(facts);
    const tiny = scores.find((s) => s.brandId === 'tiny');
    const good = scores.find((s) => s.brandId === 'good');
    expect(tiny?.measures.csat.observed).toBe(1);
    // 2 conversations against a prior worth 5: the CSAT figure lands between the brand's 1.0 and the industry mean.
    const mu = tiny?.measures.csat.industryMean ?? 0;
    expect(tiny?.measures.csat.value).toBeCloseTo((2 * 1 + 5 * mu) / 7, 6);
    expect(tiny?.measures.csat.value).toBeLessThan(0.75);
    // Perfect on paper, it still does not beat a brand with 50 good conversations, and it is not ranked.
    expect(tiny?.score).toBeLessThan(good?.score ?? 0);
    expect(tiny?.ranked).toBe(false);
    expect(tiny?.rank).toBeNull();
    expect(good?.rank).toBe(1);
    expect(scores.find((s) => s.brandId === 'poor')?.rank).toBe(2);
  });

  it('should give brands with equal scores the same rank and the next one the rank after both', () => {
    const facts = [...many('a', 10), ...many('b', 10), ...many('c', 10, { resolved: false })];
    const ranks = Object.fromEntries(rankServiceQuality(facts).map((s) => [s.brandId, s.rank]));
    expect(ranks).toEqual({ a: 1, b: 1, c: 3 });
  });

  it('should weigh recent conversations more than old ones', () => {
    expect(recencyWeight(0, 90)).toBe(1);
    expect(recencyWeight(90, 90)).toBeCloseTo(0.5, 10);
    expect(recencyWeight(180, 90)).toBeCloseTo(0.25, 10);
    // Same conversations, reversed in time: the brand that got better lately beats the one that got worse.
    const improving = [
      ...many('improving', 10, { ageDays: 300, resolved: false }),
      ...many('improving', 10, { ageDays: 5, resolved: true }),
    ];
    const declining = [
      ...many('declining', 10, { ageDays: 300, resolved: true }),
      ...many('declining', 10, { ageDays: 5, resolved: false }),
    ];
    const scores = rankServiceQuality([...improving, ...declining]);
    const get = (id: string) => scores.find((s) => s.brandId === id);
    expect(get('improving')?.plain.resolutionRate).toBe(0.5);
    expect(get('declining')?.plain.resolutionRate).toBe(0.5);
    expect(get('improving')?.measures.resolution.observed).toBeGreaterThan(0.9);
    expect(get('improving')?.rank).toBe(1);
    expect(get('declining')?.rank).toBe(2);
  });

  it('should rank each industry on its own and count a never-answered conversation as no response', () => {
    const facts = [
      ...many('shoes', 6, { industry: 'fashion' }),
      ...many('phones', 6, { industry: 'electronics', firstResponseMinutes: null }),
    ];
    const scores = rankServiceQuality(facts);
    expect(scores.map((s) => [s.industry, s.rank])).toEqual([
      ['electronics', 1],
      ['fashion', 1],
    ]);
    expect(scores[0].measures.response.observed).toBe(0);
    expect(scores[0].plain.firstResponseMedianMinutes).toBeNull();
  });
});
