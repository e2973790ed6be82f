import { describe, expect, it } from 'vitest';
import { alternatives, checkChannel, dealPrices, formatMoney, type GuardItem } from './channel-guard.ts';

const laptop: GuardItem = {
  productId: 'laptop',
  title: 'Laptop 14',
  priceMinor: 100_000,
  floorMinor: 90_000,
  exclusive: false,
  role: 'main',
};
const warranty: GuardItem = {
  productId: 'warranty',
  title: '3-year warranty',
  priceMinor: 15_000,
  floorMinor: null,
  exclusive: true,
  role: 'addon',
};
const bag: GuardItem = {
  productId: 'bag',
  title: 'Laptop bag',
  priceMinor: 5_000,
  floorMinor: 4_500,
  exclusive: false,
  role: 'addon',
};

describe('channel guard', () => {
  it('should refuse 20% off a product whose reseller floor is 10% below list, saying by how much', () => {
    expect(checkChannel({ type: 'percent_off', percentOff: 20 }, [laptop])).toEqual([
      {
        productId: 'laptop',
        title: 'Laptop 14',
        floorMinor: 90_000,
        dealPriceMinor: 80_000,
        shortByMinor: 10_000,
      },
    ]);
  });

  it('should accept a discount that stays at or above the floor', () => {
    expect(checkChannel({ type: 'percent_off', percentOff: 10 }, [laptop])).toEqual([]);
    expect(checkChannel({ type: 'fixed_price', valueMinor: 90_000 }, [laptop])).toEqual([]);
  });

  it('should accept a value-added bundle with an exclusive item even when the bundle is cheap', () => {
    expect(checkChannel({ type: 'bundle', valueMinor: 85_000 }, [laptop, warranty])).toEqual([]);
  });

  it('should refuse a bundle of reseller products below their floors', () => {
    const [v] = checkChannel({ type: 'bundle', valueMinor: 84_000 }, [laptop, bag]);
    expect(v.productId).toBe('laptop');
    expect(v.dealPriceMinor).toBe(80_000);
  });

  it('should refuse giving away a reseller product as a free add-on but allow an exclusive one', () => {
    expect(checkChannel({ type: 'free_addon' }, [laptop, bag]).map((v) => v.productId)).toEqual(['bag']);
    expect(checkChannel({ type: 'free_addon' }, [laptop, warranty])).toEqual([]);
  });

  it('should split a bundle price into parts that add up to it exactly', () => {
    const prices = dealPrices({ type: 'bundle', valueMinor: 99_999 }, [laptop, bag, warranty]);
    expect([...prices.values()].reduce((a, b) => a + b, 0)).toBe(99_999);
  });

  it('should suggest raising the price and bundling with named exclusive items', () => {
    const text = alternatives(
      checkChannel({ type: 'percent_off', percentOff: 20 }, [laptop]),
      ['3-year warranty'],
      (m) => formatMoney(m, 'EUR'),
    );
    expect(text[0]).toContain('€900.00');
    expect(text[1]).toContain('"3-year warranty"');
  });
});
