import { describe, expect, it } from 'vitest';
import { bootstrapLift, seededRandom } from './index.ts';

/** A synthetic ledger: per-customer spend, log-normal around `median`, from a seeded generator. */
function spends(n: number, median: number, seed: number): number[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const u = Math.max(rand(), 1e-12);
    const v = rand();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.round(median * Math.exp(0.6 * z));
  });
}

describe('bootstrapLift', () => {
  it('should cover a planted 30% lift and exclude zero', () => {
    const engaged = spends(800, 13_000, 7);
    const others = spends(1600, 10_000, 8);
    const r = bootstrapLift(engaged, others, { seed: 42 });
    expect(r.lift).toBeGreaterThan(0.2);
    expect(r.low!).toBeLessThan(0.3);
    expect(r.high!).toBeGreaterThan(0.3);
    expect(r.low!).toBeGreaterThan(0);
  });

  it('should cover zero when there is no lift, in about 95% of ledgers', () => {
    let covered = 0;
    for (let k = 0; k < 40; k++) {
      const r = bootstrapLift(spends(400, 10_000, 100 + k), spends(800, 10_000, 200 + k), {
        seed: k,
        iterations: 500,
      });
      if (r.low! <= 0 && r.high! >= 0) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(34);
    const one = bootstrapLift(spends(800, 10_000, 21), spends(1600, 10_000, 22), { seed: 42 });
    expect(one.low!).toBeLessThan(0);
    expect(one.high!).toBeGreaterThan(0);
  });

  it('should cover the planted lift of a repeat rate given as 0/1 per customer', () => {
    const rand = seededRandom(3);
    const engaged = Array.from({ length: 1000 }, () => (rand() < 0.36 ? 1 : 0));
    const others = Array.from({ length: 1000 }, () => (rand() < 0.3 ? 1 : 0));
    const r = bootstrapLift(engaged, others, { seed: 5 });
    expect(r.low!).toBeLessThan(0.2);
    expect(r.high!).toBeGreaterThan(0.2);
  });

  it('should give the same interval for the same seed and none without enough people', () => {
    const a = spends(50, 10_000, 1);
    const b = spends(50, 9_000, 2);
    expect(bootstrapLift(a, b, { seed: 9 })).toEqual(bootstrapLift(a, b, { seed: 9 }));
    expect(bootstrapLift([5], b)).toMatchObject({ low: null, high: null, treated: 1 });
    expect(bootstrapLift(a, [0, 0, 0])).toMatchObject({ lift: null, low: null });
  });
});
