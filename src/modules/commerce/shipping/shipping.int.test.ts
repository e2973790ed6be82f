import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../payments/test-provider.ts';

let t: TestContext;
let owner: TestClient;
let buyer: TestClient;
let variantId: string;

const address = (country: string, postalCode: string) => ({
  name: 'Ada Fan',
  line1: '1 Main St',
  city: 'Town',
  postalCode,
  country,
});

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('zoe');
  buyer = await t.signup('zack');
  await t.brand(owner, 'zoneco', { verified: true });
  const p = await owner.post('/api/v1/orgs/zoneco/products', {
    title: 'Teapot',
    currency: 'EUR',
    priceMinor: 6_000,
    variants: [{ sku: `T-${randomUUID().slice(0, 8)}`, stock: 50 }],
  });
  variantId = p.json().variants[0].id;
});
afterAll(() => t.close());

const buy = (addr: ReturnType<typeof address>, quantity = 1, extra: Record<string, unknown> = {}) =>
  buyer.request(
    'POST',
    '/api/v1/orders',
    {
      shippingAddress: addr,
      card: { number: TEST_CARDS.succeeds },
      items: [{ variantId, quantity }],
      ...extra,
    },
    { 'idempotency-key': randomUUID() },
  );

describe('shipping zones and tax', () => {
  it('should charge the zone rate, show the tax part, and refuse a country in no zone naming it', async () => {
    const eu = await owner.post('/api/v1/orgs/zoneco/shipping/zones', {
      name: 'EU',
      countries: ['DE', 'FR'],
      rateMinor: 490,
      freeOverMinor: 10_000,
      currency: 'EUR',
    });
    expect(eu.statusCode, eu.body).toBe(201);
    const tax = await owner.request('PUT', '/api/v1/orgs/zoneco/shipping/tax', {
      taxRates: [
        { country: 'DE', rateBp: 1900 },
        { country: 'FR', rateBp: 2000 },
      ],
    });
    expect(tax.statusCode, tax.body).toBe(200);
    const de = await buy(address('DE', '10115'));
    expect(de.statusCode, de.body).toBe(201);
    // 60.00 + 4.90 shipping, 19% VAT inside: 6490 × 19/119 = 1036.
    expect(de.json()).toMatchObject({
      itemsMinor: 6_000,
      shippingMinor: 490,
      taxMinor: 1_036,
      taxIncluded: true,
      totalMinor: 6_490,
    });
    const free = await buy(address('FR', '75001'), 2);
    expect(free.json()).toMatchObject({
      itemsMinor: 12_000,
      shippingMinor: 0,
      taxMinor: 2_000,
      totalMinor: 12_000,
    });
    const us = await buy(address('US', '10001'));
    expect(us.statusCode).toBe(422);
    expect(us.json().code).toBe('no_shipping_to_country');
    expect(us.json().detail).toContain('United States');
    const quote = await buyer.post('/api/v1/orders/quote', {
      items: [{ variantId, quantity: 1 }],
      country: 'US',
    });
    expect(quote.json().code).toBe('no_shipping_to_country');
  });

  it('should add the tax on top when the brand prices without tax', async () => {
    await owner.request('PUT', '/api/v1/orgs/zoneco/shipping/tax', { pricesIncludeTax: false });
    const de = await buy(address('DE', '10115'));
    expect(de.json()).toMatchObject({
      itemsMinor: 6_000,
      shippingMinor: 490,
      taxMinor: 1_233,
      taxIncluded: false,
      totalMinor: 7_723,
    });
    await owner.request('PUT', '/api/v1/orgs/zoneco/shipping/tax', { pricesIncludeTax: true });
  });

  it('should refuse a country in two zones, an unknown country and bad numbers with a 4xx', async () => {
    const twice = await owner.post('/api/v1/orgs/zoneco/shipping/zones', {
      name: 'Again',
      countries: ['DE'],
      rateMinor: 100,
      currency: 'EUR',
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors[0].field).toBe('countries[0]');
    const unknown = await owner.post('/api/v1/orgs/zoneco/shipping/zones', {
      name: 'X',
      countries: ['XX'],
      rateMinor: 100,
      currency: 'EUR',
    });
    expect(unknown.statusCode).toBe(422);
    for (const body of [
      { name: 'N', countries: ['GB'], rateMinor: -1, currency: 'EUR' },
      { name: 'N', countries: ['GB'], rateMinor: 1e12, currency: 'EUR' },
      { name: 'N\u0000', countries: ['GB'], rateMinor: 1, currency: 'EUR' },
    ]) {
      const r = await owner.post('/api/v1/orgs/zoneco/shipping/zones', body);
      expect(r.statusCode).toBe(400);
    }
    const stranger = await t.signup('zed');
    expect(
      (
        await stranger.post('/api/v1/orgs/zoneco/shipping/zones', {
          name: 'UK',
          countries: ['GB'],
          rateMinor: 1,
          currency: 'EUR',
        })
      ).statusCode,
    ).toBeGreaterThanOrEqual(403);
  });
});
