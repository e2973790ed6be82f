import { describe, expect, it } from 'vitest';
import { Rng } from '../../../demo/random.ts';
import { binomialUpperTail, detectSpikes, HOURS_PER_WEEK } from './detect.ts';
import { overrepresented } from './explain.ts';

/** Poisson draws (Knuth's method; fine for the small rates here). */
function poisson(rng: Rng, lambda: number) {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Five weeks of hourly mentions with a daily cycle (quiet nights) and quieter weekends. */
function background(seed: number, perHour: number) {
  const rng = new Rng(seed);
  const counts: number[] = [];
  for (let h = 0; h < 5 * HOURS_PER_WEEK; h++) {
    const hourOfDay = h % 24;
    const day = Math.floor(h / 24) % 7;
    const rate = perHour * (1 + 0.8 * Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI)) * (day >= 5 ? 0.6 : 1);
    counts.push(poisson(rng, rate));
  }
  return counts;
}
// The baseline needs four weeks and one hour of history; the test week starts a day later.
const FROM = 4 * HOURS_PER_WEEK + 24;

describe('spike detection', () => {
  it('should give the binomial upper tail exactly, below and above the mean', () => {
    expect(binomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.3)).toBe(0);
    // P(X ≥ 11 | n = 37, p = 1/13) = 7.2288e-5 (summed exactly elsewhere).
    expect(binomialUpperTail(11, 37, 1 / 13) / 7.228827088005622e-5).toBeCloseTo(1, 6);
    expect(binomialUpperTail(1, 4, 0.5)).toBeCloseTo(15 / 16, 12);
  });

  it('should flag no spike in a week of ordinary days and nights', () => {
    for (const seed of [1, 2, 3]) {
      expect(detectSpikes(background(seed, 4), { from: FROM })).toEqual([]);
      expect(detectSpikes(background(seed, 0.3), { from: FROM })).toEqual([]);
    }
  });

  it('should find a planted surge, where it starts and how big it is', () => {
    const counts = background(7, 4);
    const start = FROM + 3 * 24 + 14; // a Friday afternoon
    for (let h = start; h < start + 5; h++) counts[h] += 25;
    const spikes = detectSpikes(counts, { from: FROM });
    expect(spikes).toHaveLength(1);
    expect(spikes[0].start).toBeGreaterThanOrEqual(start - 1);
    expect(spikes[0].start).toBeLessThanOrEqual(start);
    expect(spikes[0].end).toBeGreaterThanOrEqual(start + 5);
    expect(spikes[0].ratio).toBeGreaterThan(3);
    expect(spikes[0].pValue).toBeLessThan(1e-10);
  });

  it('should find a quiet topic’s day-long surge that no single hour shows', () => {
    const counts = background(11, 0.2);
    const day = FROM + 2 * 24;
    for (let h = day; h < day + 24; h += 2) counts[h] += 1; // 12 more in a day that usually has about 5
    const spikes = detectSpikes(counts, { from: FROM, maxPValue: 1e-3 });
    expect(spikes.length).toBe(1);
    expect(spikes[0].start).toBeGreaterThanOrEqual(day - 2);
    expect(spikes[0].end).toBeLessThanOrEqual(day + 26);
  });

  it('should not call the usual Monday-morning rush a spike: the baseline is the same hour of the week', () => {
    const counts = background(5, 2);
    for (let h = 0; h < counts.length; h++)
      if (h % HOURS_PER_WEEK >= 8 && h % HOURS_PER_WEEK < 11) counts[h] += 15;
    expect(detectSpikes(counts, { from: FROM })).toEqual([]);
  });

  it('should refuse a series without the baseline’s history', () => {
    expect(() => detectSpikes([1, 2, 3], { from: 1 })).toThrow(/4 weeks/);
  });
});

describe('spike explanation', () => {
  it('should name the words new in the spike, not the words the topic always uses', () => {
    const baseline = new Map([
      ['jacket', 400],
      ['rain', 120],
      ['warm', 80],
      ['zip', 4],
    ]);
    const spike = new Map([
      ['jacket', 90],
      ['rain', 10],
      ['zip', 60],
      ['broke', 40],
      ['warm', 8],
    ]);
    const found = overrepresented(spike, baseline);
    expect(found.map((f) => f.key)).toEqual(['zip', 'broke']);
    expect(found[0]).toMatchObject({ spike: 60, baseline: 4 });
  });

  it('should discount a word seen only twice however new it is', () => {
    const found = overrepresented(
      new Map([
        ['odd', 2],
        ['jacket', 50],
      ]),
      new Map([['jacket', 500]]),
    );
    expect(found).toEqual([]);
  });
});
