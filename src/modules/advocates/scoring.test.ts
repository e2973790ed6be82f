import { describe, expect, it } from 'vitest';
import { advocateScore, referralConversion, valueFactor } from './scoring.ts';

describe('advocate scoring', () => {
  it('should give someone who never referred one half, and reward conversions', () => {
    expect(referralConversion(0, 0)).toBe(0.5);
    expect(referralConversion(10, 9)).toBeCloseTo(10 / 12, 12);
    expect(referralConversion(10, 0)).toBeCloseTo(1 / 12, 12);
  });

  it('should value a follower with no orders at 1 and an average customer at 2', () => {
    expect(valueFactor(0, 5000)).toBe(1);
    expect(valueFactor(5000, 5000)).toBe(2);
    expect(valueFactor(5000, 0)).toBe(1);
  });

  it('should multiply the factors', () => {
    expect(advocateScore(3, 2, 0.5)).toBe(3);
  });
});
