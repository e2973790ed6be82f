import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { TEST_CARDS } from './payments/test-provider.ts';

// What a new user met in the shop: a conversion above 100%, an address shipped to the wrong country, and a
// search that never found products.
let t: TestContext;
let owner: TestClient;
let variantId: string;

const berlin = {
  name: 'Ada Fan',
  line1: 'Unter den Linden 1',
  city: 'Berlin',
  postalCode: '10117',
  country: 'DE',
};

function buy(client: TestClient, body: Record<string, unknown>) {
  return client.request(
    'POST',
    '/api/v1/orders',
    { shippingAddress: berlin, card: { number: TEST_CARDS.succeeds }, ...body },
    { 'idempotency-key': randomUUID() },
  );
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('uxowner');
  await t.brand(owner, 'uxwind', { verified: true });
  const res = await owner.post('/api/v1/orgs/uxwind/products', {
    title: 'Storm Jacket',
    description: 'A waterproof shell for rainy walks.',
    currency: 'EUR',
    priceMinor: 12_000,
    variants: [{ sku: 'STORM-M', stock: 100 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  variantId = res.json().variants[0].id;
});
afterAll(() => t.close());

describe('sales figures', () => {
  it('should keep conversion a share of clicks and count orders without a click apart when most orders had none', async () => {
    const productId = (await owner.get('/api/v1/orgs/uxwind/products')).json().items[0].id;
    const card = (
      await owner.post('/api/v1/orgs/uxwind/deals', {
        text: 'Jackets, 10% off',
        items: [{ productId }],
        type: 'percent_off',
        percentOff: 10,
        audience: 'everyone',
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
    ).json();
    const clicker = await t.signup('uxclicker');
    const browser = await t.signup('uxbrowser');
    // One click followed by two orders, one click with no order, one anonymous click, three orders with no click.
    expect((await clicker.post(`/api/v1/deals/${card.id}/click`)).statusCode).toBe(204);
    expect((await browser.post(`/api/v1/deals/${card.id}/click`)).statusCode).toBe(204);
    expect((await t.anonymous.request('POST', `/api/v1/deals/${card.id}/click`)).statusCode).toBe(204);
    for (let i = 0; i < 2; i++) {
      const res = await buy(clicker, { dealId: card.id, items: [{ variantId, quantity: 1 }] });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (let i = 0; i < 3; i++) {
      const direct = await t.signup(`uxdirect${i}`);
      const res = await buy(direct, { dealId: card.id, items: [{ variantId, quantity: 1 }] });
      expect(res.statusCode, res.body).toBe(201);
    }
    const report = (await owner.get(`/api/v1/orgs/uxwind/deals/${card.id}/sales`)).json();
    expect(report).toMatchObject({
      clicks: 3,
      orders: 5,
      ordersAfterClick: 2,
      ordersWithoutClick: 3,
      clicksConverted: 1,
    });
    expect(report.conversionRate).toBeCloseTo(1 / 3);
    const feed = (await owner.get('/api/v1/orgs/uxwind/sales')).json();
    expect(feed.conversionRate).toBeLessThanOrEqual(1);
  });
});

describe('shipping addresses', () => {
  it('should refuse a country code that is not an ISO 3166 country, naming the field', async () => {
    const buyer = await t.signup('uxcountry');
    const res = await buyer.post('/api/v1/me/addresses', { ...berlin, country: 'XX' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'invalid_address', errors: [{ field: 'country' }] });
  });

  it('should refuse a postal code that does not fit the country, at checkout and in the address book', async () => {
    const buyer = await t.signup('uxpostcode');
    const saved = await buyer.post('/api/v1/me/addresses', { ...berlin, postalCode: 'SW1A 1AA' });
    expect(saved.statusCode).toBe(422);
    expect(saved.json().errors).toEqual([expect.objectContaining({ field: 'postalCode' })]);
    const res = await buy(buyer, {
      items: [{ variantId, quantity: 1 }],
      shippingAddress: { ...berlin, postalCode: '1' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'shippingAddress.postalCode' })]);
    const ok = await buy(buyer, { items: [{ variantId, quantity: 1 }] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().shippingAddress).toMatchObject({ country: 'DE', postalCode: '10117' });
  });
});

describe('product search', () => {
  it('should find products on sale by a word of their title or description, in the database', async () => {
    const byTitle = await t.anonymous.get('/api/v1/search/products?q=jacket');
    expect(byTitle.statusCode, byTitle.body).toBe(200);
    expect(byTitle.json().items.map((p: { title: string }) => p.title)).toEqual(['Storm Jacket']);
    expect(byTitle.json().items[0]).not.toHaveProperty('resellerFloorMinor');
    const byDescription = (await t.anonymous.get('/api/v1/search/products?q=waterproof')).json();
    expect(byDescription.items).toHaveLength(1);
    expect((await t.anonymous.get('/api/v1/search/products?q=teapot')).json().items).toEqual([]);
    const badCursor = await t.anonymous.get('/api/v1/search/products?q=jacket&cursor=zz');
    expect(badCursor.statusCode).toBe(400);
  });
});
