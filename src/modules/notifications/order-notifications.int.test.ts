import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { TEST_CARDS } from '../commerce/index.ts';

// A buyer hears what happens to an order after checkout: a payment that fails later, shipping, refunds.
let t: TestContext;
let owner: TestClient;
let variantId: string;

const address = { name: 'Ada Fan', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

async function order(buyer: TestClient, card: string = TEST_CARDS.succeeds) {
  const res = await buyer.request(
    'POST',
    '/api/v1/orders',
    { shippingAddress: address, card: { number: card }, items: [{ variantId, quantity: 1 }] },
    { 'idempotency-key': randomUUID() },
  );
  expect([201, 202], res.body).toContain(res.statusCode); // 202: the payment is still pending
  return res.json() as { id: string; status: string };
}

async function noticesOf(client: TestClient) {
  await t.drain();
  const items = (await client.get('/api/v1/notifications')).json().items as {
    kind: string;
    subjectId: string | null;
    org: { handle: string } | null;
    detail: Record<string, string> | null;
  }[];
  return items.filter((n) => n.kind.startsWith('order_'));
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('notiowner');
  await t.brand(owner, 'notishop', { verified: true });
  const res = await owner.post('/api/v1/orgs/notishop/products', {
    title: 'Mug',
    currency: 'EUR',
    priceMinor: 2_000,
    variants: [{ sku: 'MUG-1', stock: 100 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  variantId = res.json().variants[0].id;
});
afterAll(() => t.close());

describe('order notifications', () => {
  it('should tell the buyer when a pending payment fails later, with the failure code', async () => {
    const buyer = await t.signup('notifail');
    const placed = await order(buyer, TEST_CARDS.failsAfterDelay);
    expect(placed.status).toBe('pending');
    await expect
      .poll(async () => (await buyer.get(`/api/v1/orders/${placed.id}`)).json().status, { timeout: 5_000 })
      .toBe('cancelled');
    const notices = await noticesOf(buyer);
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'order_cancelled',
        subjectId: placed.id,
        org: expect.objectContaining({ handle: 'notishop' }),
        detail: { reason: 'payment failed: processing_error' },
      }),
    ]);
  });

  it('should tell the buyer when the order ships and when it is refunded, and not when they cancel it themselves', async () => {
    const buyer = await t.signup('notibuyer');
    const shipped = await order(buyer);
    expect((await owner.post(`/api/v1/orders/${shipped.id}/fulfil`)).statusCode).toBe(200);
    const refund = await owner.request(
      'POST',
      `/api/v1/orders/${shipped.id}/refund`,
      { amountMinor: 500 },
      { 'idempotency-key': randomUUID() },
    );
    expect(refund.statusCode, refund.body).toBe(200);
    const own = await order(buyer);
    expect((await buyer.post(`/api/v1/orders/${own.id}/cancel`)).statusCode).toBe(200);

    const notices = await noticesOf(buyer);
    expect(notices.map((n) => [n.kind, n.subjectId])).toEqual(
      expect.arrayContaining([
        ['order_fulfilled', shipped.id],
        ['order_refunded', shipped.id],
      ]),
    );
    expect(notices.find((n) => n.kind === 'order_refunded' && n.subjectId === shipped.id)?.detail).toEqual({
      amountMinor: '500',
      currency: 'EUR',
      full: 'false',
    });
    expect(notices.filter((n) => n.kind === 'order_cancelled')).toEqual([]);
  });
});
