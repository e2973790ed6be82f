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

describe('lifetimeValue with little history', () => {
  it('should not predict from a first day: spend to date, too early to estimate', () => {
    // A customer of fifteen minutes with €354.50 spent used to show €3,757.70.
    const fresh = lifetimeValue(
      { orders: 1, spendMinor: 35_450, firstAt: new Date(now.getTime() - 15 * 60_000), lastAt: now },
      now,
    );
    expect(fresh).toMatchObject({
      status: 'too_early',
      historicMinor: 35_450,
      predictedMinor: 0,
      totalMinor: 35_450,
      rangeMinor: null,
      confidence: null,
    });
    expect(fresh.basis).toContain('Too early to estimate');
  });

  it('should give an estimate with its basis, a range around it and a confidence once there is history', () => {
    const few = lifetimeValue(
      { orders: 2, spendMinor: 20_000, firstAt: daysAgo(120), lastAt: daysAgo(5) },
      now,
    );
    expect(few.status).toBe('estimated');
    expect(few.confidence).toBe('low');
    expect(few.rangeMinor!.low).toBeLessThan(few.totalMinor);
    expect(few.rangeMinor!.high).toBeGreaterThan(few.totalMinor);
    expect(few.basis).toContain('2 orders in 120 days');
    const many = lifetimeValue(
      { orders: 12, spendMinor: 120_000, firstAt: daysAgo(400), lastAt: daysAgo(5) },
      now,
    );
    expect(many.confidence).toBe('high');
  });
});
