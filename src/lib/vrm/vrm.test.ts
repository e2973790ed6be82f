import { describe, expect, it } from 'vitest';
import { matchCatalog, parseAskedPrice, productWords } from './index.ts';

describe('parseAskedPrice', () => {
  it('should read a symbol before the amount when the request says "for £400"', () => {
    expect(parseAskedPrice('the X200 in blue for £400 and I buy today')).toMatchObject({
      amountMinor: 40000,
      currency: 'GBP',
    });
  });

  it('should read dollars with thousands and cents when written "$1,299.99"', () => {
    expect(parseAskedPrice('Trail Tent 4 for $1,299.99?')).toMatchObject({
      amountMinor: 129999,
      currency: 'USD',
    });
  });

  it('should read a code or a word after the amount when written "400 EUR" or "250 euros"', () => {
    expect(parseAskedPrice('Aero bike for 400 EUR')).toMatchObject({ amountMinor: 40000, currency: 'EUR' });
    expect(parseAskedPrice('I would pay 250 euros')).toMatchObject({ amountMinor: 25000, currency: 'EUR' });
  });

  it('should take the last price named when a request names two', () => {
    expect(parseAskedPrice('it says £450 but I can pay £400 today')?.amountMinor).toBe(40000);
  });

  it('should read "€2k" as two thousand euros', () => {
    expect(parseAskedPrice('e-bike for €2k')).toMatchObject({ amountMinor: 200000, currency: 'EUR' });
  });

  it('should find no price when a number has no currency', () => {
    expect(parseAskedPrice('do you have the X200 in size 42?')).toBeNull();
  });
});

describe('matchCatalog', () => {
  const catalog = [
    { productId: 'p1', variantId: 'v1', title: 'X200 Headphones (Blue)' },
    { productId: 'p1', variantId: 'v2', title: 'X200 Headphones (Black)' },
    { productId: 'p2', variantId: 'v3', title: 'Trail Tent 4' },
  ];

  it('should rank the variant the request names first when it names product and colour', () => {
    const text = 'the X200 in blue for £400 and I buy today';
    const words = productWords(text, parseAskedPrice(text));
    const [best] = matchCatalog(words, catalog);
    expect(best.variantId).toBe('v1');
  });

  it('should forgive a typo and split model number when the request says "x 200 headphone"', () => {
    const [best] = matchCatalog(productWords('x 200 headphone for $300', null), catalog);
    expect(best.productId).toBe('p1');
  });

  it('should match nothing when the request names another product', () => {
    expect(matchCatalog(productWords('a kayak for £300', null), catalog)).toEqual([]);
  });
});
