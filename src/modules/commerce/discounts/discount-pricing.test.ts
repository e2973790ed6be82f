import { describe, expect, it } from 'vitest';
import { allocateDiscount, breakdown, discountViolations, type PricedLine } from './discount-pricing.ts';

const line = (productId: string, unitPriceMinor: number, quantity = 1, floorMinor: number | null = null) =>
  ({ productId, title: productId, quantity, unitPriceMinor, floorMinor, exclusive: false }) as PricedLine;

describe('discount pricing', () => {
  it('should spread a fixed amount over eligible lines so the shares add up to it', () => {
    const lines = [line('a', 1000), line('b', 333, 3), line('c', 500)];
    const shares = allocateDiscount(
      { kind: 'amount', amountMinor: 1000, percentOff: null, productIds: ['a', 'b'] },
      lines,
    );
    expect(shares[2]).toBe(0);
    expect(shares[0] + shares[1]).toBe(1000);
  });

  it('should never take more than the eligible lines cost when the amount is larger', () => {
    const shares = allocateDiscount(
      { kind: 'amount', amountMinor: 99999, percentOff: null, productIds: [] },
      [line('a', 700)],
    );
    expect(shares).toEqual([700]);
  });

  it('should take a percentage off each line when the code is a percentage', () => {
    expect(
      allocateDiscount({ kind: 'percent', percentOff: 10, amountMinor: null, productIds: [] }, [
        line('a', 1999, 2),
      ]),
    ).toEqual([400]);
  });

  it('should name a product whose discounted unit price falls below its reseller floor', () => {
    const lines = [line('a', 10000, 2, 9000), line('b', 10000, 1, 8000)];
    const v = discountViolations(lines, [2001 * 2, 2000]);
    expect(v).toEqual([{ productId: 'a', title: 'a', floorMinor: 9000, discountedUnitMinor: 7999 }]);
  });

  it('should show the tax part inside a tax-inclusive total and add it to a tax-exclusive one', () => {
    const zone = { rateMinor: 500, freeOverMinor: 10000 };
    expect(
      breakdown({ itemsMinor: 12000, discountMinor: 0, zone, taxRateBp: 2000, taxIncluded: true }),
    ).toMatchObject({
      shippingMinor: 0,
      taxMinor: 2000,
      totalMinor: 12000,
    });
    expect(
      breakdown({ itemsMinor: 5000, discountMinor: 1000, zone, taxRateBp: 1000, taxIncluded: false }),
    ).toMatchObject({
      shippingMinor: 500,
      taxMinor: 450,
      totalMinor: 4950,
    });
  });
});
