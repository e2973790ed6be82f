import { describe, expect, it } from 'vitest';
import { floorOf, suggestUnitPrice } from './quote.pricing.ts';

const base = { listPriceMinor: 50000, resellerFloorMinor: 42000, exclusive: false, rule: null };

describe('quote pricing', () => {
  it('should offer what the customer asked when it is above every floor', () => {
    expect(suggestUnitPrice(base, 45000)).toBe(45000);
  });

  it('should counter with the reseller floor when the ask is below it on a non-exclusive product', () => {
    expect(suggestUnitPrice(base, 40000)).toBe(42000);
    expect(floorOf(base)).toEqual({ floorMinor: 42000, reason: 'reseller_floor' });
  });

  it('should ignore the reseller floor when the product is an own-store exclusive', () => {
    expect(suggestUnitPrice({ ...base, exclusive: true }, 40000)).toBe(40000);
  });

  it('should keep the minimum margin over cost when it binds above the floor', () => {
    const rule = { costMinor: 40000, minMarginPercent: 15, minPriceMinor: null };
    expect(floorOf({ ...base, rule })).toEqual({ floorMinor: 46000, reason: 'margin' });
    expect(suggestUnitPrice({ ...base, rule }, 44000)).toBe(46000);
  });

  it('should keep the minimum price when it is the highest floor', () => {
    const rule = { costMinor: null, minMarginPercent: null, minPriceMinor: 47500 };
    expect(suggestUnitPrice({ ...base, rule }, 30000)).toBe(47500);
  });

  it('should never quote above the list price when the customer offers more', () => {
    expect(suggestUnitPrice(base, 60000)).toBe(50000);
  });

  it('should quote the list price when the customer named no price', () => {
    expect(suggestUnitPrice(base, null)).toBe(50000);
  });
});
