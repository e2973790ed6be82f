import { describe, expect, it } from 'vitest';
import { commissionMinor } from './commission.ts';

const tiers = [
  { aboveTargetPercent: 0, bp: 800 },
  { aboveTargetPercent: 20, bp: 1200 },
];

describe('commission', () => {
  it('should pay the base rate on revenue up to the target', () => {
    expect(commissionMinor(80_000, 100_000, 500, tiers)).toBe(4_000);
  });

  it('should pay each tier’s rate only on the revenue in its bracket when the person beats the target', () => {
    // 100,000 at 5% + 20,000 at 8% + 10,000 at 12%
    expect(commissionMinor(130_000, 100_000, 500, tiers)).toBe(5_000 + 1_600 + 1_200);
  });

  it('should pay the base rate throughout when there is no target or no tier', () => {
    expect(commissionMinor(130_000, null, 500, tiers)).toBe(6_500);
    expect(commissionMinor(130_000, 100_000, 500, [])).toBe(6_500);
  });

  it('should pay nothing on no revenue', () => {
    expect(commissionMinor(0, 100_000, 500, tiers)).toBe(0);
  });
});
