import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../payments/test-provider.ts';

let t: TestContext;
let owner: TestClient;
let rival: TestClient;
let buyer: TestClient;
const variants: string[] = [];

const address = { name: 'Ada Fan', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

beforeAll(async () => {
  t = await createTestApp({ modules: { paymentDelayMs: 600_000 } });
  owner = await t.signup('sh_owner');
  rival = await t.signup('sh_rival');
  buyer = await t.signup('sh_buyer');
  await t.brand(owner, 'shipco', { verified: true });
  await t.brand(rival, 'rivalship', { verified: true });
  for (const title of ['Mug', 'Plate']) {
    const product = await owner.post('/api/v1/orgs/shipco/products', {
      title,
      currency: 'EUR',
      priceMinor: 1_500,
      variants: [{ sku: `${title}-1`, stock: 100 }],
    });
    variants.push(product.json().variants[0].id);
  }
});
afterAll(() => t.close());

async function order(card: string = TEST_CARDS.succeeds) {
  const res = await buyer.request(
    'POST',
    '/api/v1/orders',
    {
      shippingAddress: address,
      card: { number: card },
      items: [
        { variantId: variants[0], quantity: 2 },
        { variantId: variants[1], quantity: 1 },
      ],
    },
    { 'idempotency-key': randomUUID() },
  );
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

const ship = (id: string, body: Record<string, unknown>, who: TestClient = owner) =>
  who.post(`/api/v1/orders/${id}/shipments`, body);

describe('shipping an order with tracking', () => {
  it('should ship in two parcels, link each to its carrier, fulfil with the last and tell the buyer each time', async () => {
    const placed = await order();
    const first = await ship(placed.id, {
      carrier: 'ups',
      trackingNumber: '1z999aa10123456784',
      items: [{ line: 0, quantity: 2 }],
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().status).toBe('paid');
    expect(first.json().shipments).toEqual([
      expect.objectContaining({
        carrierName: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
        items: [{ line: 0, quantity: 2 }],
      }),
    ]);
    const retry = await ship(placed.id, {
      carrier: 'ups',
      trackingNumber: '1Z999AA10123456784',
      items: [{ line: 0, quantity: 2 }],
    });
    expect(retry.json().shipments).toHaveLength(1);
    const last = await ship(placed.id, { carrier: 'other', trackingNumber: 'Courier Bob 42' });
    expect(last.json()).toMatchObject({ status: 'fulfilled' });
    expect(last.json().shipments[1]).toMatchObject({
      carrierName: 'Other carrier',
      items: [{ line: 1, quantity: 1 }],
    });
    const seen = (await buyer.get(`/api/v1/orders/${placed.id}`)).json();
    expect(seen.history.map((h: { status: string }) => h.status)).toEqual([
      'pending',
      'paid',
      'shipped',
      'shipped',
      'fulfilled',
    ]);

    await t.drain();
    const notices = (await buyer.get('/api/v1/notifications'))
      .json()
      .items.filter((n: { subjectId: string }) => n.subjectId === placed.id);
    expect(
      notices.map((n: { detail: { trackingNumber: string } }) => n.detail.trackingNumber).sort(),
    ).toEqual(['1Z999AA10123456784', 'Courier Bob 42']);
    const more = await ship(placed.id, { carrier: 'dhl', trackingNumber: '1234567890' });
    expect(more.statusCode).toBe(409);
    expect(more.json().code).toBe('already_shipped');
  });

  it('should refuse tracking on an unpaid order, a malformed number, and more than was bought', async () => {
    const pending = await order(TEST_CARDS.succeedsAfterDelay);
    const unpaid = await ship(pending.id, { carrier: 'dhl', trackingNumber: '1234567890' });
    expect(unpaid.statusCode).toBe(409);
    expect(unpaid.json().code).toBe('not_fulfillable');
    const paid = await order();
    const bad = await ship(paid.id, { carrier: 'royal_mail', trackingNumber: '12345' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'invalid_shipment', errors: [{ field: 'trackingNumber' }] });
    const tooMany = await ship(paid.id, {
      carrier: 'dhl',
      trackingNumber: '1234567890',
      items: [{ line: 1, quantity: 2 }],
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors[0].field).toBe('items[0].quantity');
    expect((await buyer.get(`/api/v1/orders/${paid.id}`)).json().shipments).toEqual([]);
  });

  it('should not let another brand or the buyer ship an order', async () => {
    const placed = await order();
    const res = await ship(placed.id, { carrier: 'dhl', trackingNumber: '1234567890' }, rival);
    expect(res.statusCode).toBe(404);
    expect((await ship(placed.id, { carrier: 'dhl', trackingNumber: '1234567890' }, buyer)).statusCode).toBe(
      404,
    );
  });
});
