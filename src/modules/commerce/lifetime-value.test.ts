import { describe, expect, it } from 'vitest';
import { lifetimeValue } from './lifetime-value.ts';

const now = new Date('2026-11-22T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('lifetimeValue', () => {
  it('should be zero for someone who never bought', () => {
    expect(lifetimeValue({ orders: 0, spendMinor: 0, firstAt: null, lastAt: null }, now).totalMinor).toBe(0);
  });

  it('should predict more for a recent regular buyer than for a lapsed one with the same history', () => {
    const recent = lifetimeValue(
      { orders: 6, spendMinor: 60_000, firstAt: daysAgo(180), lastAt: daysAgo(10) },
      now,
    );
    const lapsed = lifetimeValue(
      { orders: 6, spendMinor: 60_000, firstAt: daysAgo(540), lastAt: daysAgo(400) },
      now,
    );
    expect(recent.historicMinor).toBe(60_000);
    expect(recent.predictedMinor).toBeGreaterThan(lapsed.predictedMinor * 4);
    // 1 order a month × €100 × 12 months × 0.8 still active
    expect(recent.predictedMinor).toBe(96_000);
  });
});
