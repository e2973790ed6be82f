import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { TEST_CARDS } from './payments/test-provider.ts';

let t: TestContext;
let owner: TestClient;
let buyer: TestClient;

const address = { name: 'Ada Fan', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('olive');
  buyer = await t.signup('bruno');
  await t.brand(owner, 'refundco', { verified: true });
});
afterAll(() => t.close());

async function paidOrder(stock: number, quantity: number) {
  const product = await owner.post('/api/v1/orgs/refundco/products', {
    title: `Lamp ${randomUUID().slice(0, 6)}`,
    currency: 'EUR',
    priceMinor: 4_000,
    variants: [{ sku: `L-${randomUUID().slice(0, 8)}`, stock }],
  });
  expect(product.statusCode, product.body).toBe(201);
  const order = await buyer.request(
    'POST',
    '/api/v1/orders',
    {
      shippingAddress: address,
      card: { number: TEST_CARDS.succeeds },
      items: [{ variantId: product.json().variants[0].id, quantity }],
    },
    { 'idempotency-key': randomUUID() },
  );
  expect(order.statusCode, order.body).toBe(201);
  expect(order.json().status).toBe('paid');
  return { productId: product.json().id as string, order: order.json() };
}

describe('cancelling a paid order', () => {
  it('should refund the full amount through the provider and record it when the buyer cancels', async () => {
    const refund = vi.spyOn(t.modules.commerce.payments, 'refund');
    refund.mockClear();
    const { productId, order } = await paidOrder(5, 2);
    const res = await buyer.post(`/api/v1/orders/${order.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', refundedMinor: 8_000 });
    expect(res.json().history).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'refund', amountMinor: 8_000 })]),
    );
    expect(refund).toHaveBeenCalledTimes(1);
    expect(refund.mock.calls[0][1]).toBe(8_000);
    expect((await owner.get(`/api/v1/products/${productId}`)).json().stock).toBe(5);
    // Nothing is left to refund, and a second refund is refused.
    const again = await owner.request(
      'POST',
      `/api/v1/orders/${order.id}/refund`,
      {},
      { 'idempotency-key': randomUUID() },
    );
    expect(again.statusCode).toBe(409);
    expect(refund).toHaveBeenCalledTimes(1);
  });

  it('should refund once and return the stock once when many cancels race', async () => {
    const refund = vi.spyOn(t.modules.commerce.payments, 'refund');
    refund.mockClear();
    const { productId, order } = await paidOrder(6, 3);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? owner : buyer).post(`/api/v1/orders/${order.id}/cancel`)),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const final = (await buyer.get(`/api/v1/orders/${order.id}`)).json();
    expect(final).toMatchObject({ status: 'cancelled', refundedMinor: 12_000 });
    expect(final.history.filter((h: { status: string }) => h.status === 'refund')).toHaveLength(1);
    expect(refund).toHaveBeenCalledTimes(1);
    expect((await owner.get(`/api/v1/products/${productId}`)).json().stock).toBe(6);
  });
});
