import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../payments/test-provider.ts';

let t: TestContext;
let owner: TestClient;
let buyer: TestClient;
let stranger: TestClient;
let rival: TestClient;

const address = { name: 'Ada Fan', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('rhea');
  buyer = await t.signup('rory');
  stranger = await t.signup('sid');
  rival = await t.signup('rita');
  await t.brand(owner, 'returnco', { verified: true });
  await t.brand(rival, 'rivalret', { verified: true });
});
afterAll(() => t.close());

async function deliveredOrder(discountCode?: string) {
  const p = await owner.post('/api/v1/orgs/returnco/products', {
    title: `Boots ${randomUUID().slice(0, 4)}`,
    currency: 'EUR',
    priceMinor: 8_000,
    variants: [{ sku: `B-${randomUUID().slice(0, 8)}`, stock: 10 }],
  });
  const order = await buyer.request(
    'POST',
    '/api/v1/orders',
    {
      shippingAddress: address,
      card: { number: TEST_CARDS.succeeds },
      items: [{ variantId: p.json().variants[0].id, quantity: 2 }],
      ...(discountCode ? { discountCode } : {}),
    },
    { 'idempotency-key': randomUUID() },
  );
  expect(order.statusCode, order.body).toBe(201);
  return { order: order.json(), productId: p.json().id as string };
}

const fulfil = (orderId: string) => owner.post(`/api/v1/orders/${orderId}/fulfil`);
const receive = (id: string) =>
  owner.request('POST', `/api/v1/returns/${id}/receive`, undefined, { 'idempotency-key': randomUUID() });

describe('returns', () => {
  it('should refund the returned item once and tell the buyer each step when the brand approves and receives it', async () => {
    await owner.post('/api/v1/orgs/returnco/discount-codes', {
      code: 'TENOFF',
      kind: 'amount',
      amountMinor: 1_000,
      currency: 'EUR',
    });
    const { order, productId } = await deliveredOrder('TENOFF');
    const early = await buyer.post(`/api/v1/orders/${order.id}/returns`, { line: 0, reason: 'does_not_fit' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('not_returnable');
    expect((await fulfil(order.id)).statusCode).toBe(200);
    const req = await buyer.post(`/api/v1/orders/${order.id}/returns`, {
      line: 0,
      quantity: 1,
      reason: 'does_not_fit',
      note: 'Too small',
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json()).toMatchObject({
      status: 'requested',
      quantity: 1,
      reason: 'does_not_fit',
      note: 'Too small',
    });
    const twice = await buyer.post(`/api/v1/orders/${order.id}/returns`, { line: 0, reason: 'other' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_returned');
    const id = req.json().id;
    const early2 = await receive(id);
    expect(early2.json().code).toBe('return_state');
    expect(
      (await owner.post(`/api/v1/returns/${id}/approve`, { note: 'Send it back with the label' })).json()
        .status,
    ).toBe('approved');
    const refund = vi.spyOn(t.modules.commerce.payments, 'refund');
    refund.mockClear();
    const results = await Promise.all([receive(id), receive(id), receive(id)]);
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    // One of two boots: (16000 − 1000 discount) / 2 = 7500.
    expect(results[0].json()).toMatchObject({ status: 'refunded', refundMinor: 7_500 });
    expect(refund).toHaveBeenCalledTimes(1);
    expect(refund.mock.calls[0][1]).toBe(7_500);
    const after = (await buyer.get(`/api/v1/orders/${order.id}`)).json();
    expect(after).toMatchObject({ refundedMinor: 7_500, status: 'fulfilled' });
    expect(after.returns[0]).toMatchObject({ status: 'refunded', refundMinor: 7_500 });
    expect((await owner.get(`/api/v1/products/${productId}`)).json().stock).toBe(9);
    const listed = (await owner.get('/api/v1/orgs/returnco/returns')).json().items;
    expect(listed.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'refunded' });
    await t.drain();
    const notes = (await buyer.get('/api/v1/notifications'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'order_return');
    expect(notes.map((n: { detail: { status: string } }) => n.detail.status).sort()).toEqual([
      'approved',
      'received',
      'refunded',
    ]);
  });

  it('should tell the buyer the reason when the brand rejects a return', async () => {
    const { order } = await deliveredOrder();
    await fulfil(order.id);
    const req = await buyer.post(`/api/v1/orders/${order.id}/returns`, { line: 0, reason: 'changed_mind' });
    const rejected = await owner.post(`/api/v1/returns/${req.json().id}/reject`, { note: 'Worn outdoors' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: 'Worn outdoors' });
    expect((await receive(req.json().id)).json().code).toBe('return_state');
  });

  it("should refuse returning someone else's order, another brand's return, a closed window and bad input", async () => {
    const { order } = await deliveredOrder();
    await fulfil(order.id);
    const foreign = await stranger.post(`/api/v1/orders/${order.id}/returns`, { line: 0, reason: 'other' });
    expect(foreign.statusCode).toBe(404);
    const req = await buyer.post(`/api/v1/orders/${order.id}/returns`, { line: 0, reason: 'damaged' });
    expect((await rival.post(`/api/v1/returns/${req.json().id}/approve`, {})).statusCode).toBe(404);
    expect((await rival.get('/api/v1/orgs/returnco/returns')).statusCode).toBeGreaterThanOrEqual(403);
    for (const body of [
      { line: -1, reason: 'other' },
      { line: 0, reason: 'because' },
      { line: 0, quantity: 1e9, reason: 'other' },
      { line: 0, reason: 'other', note: 'a\u0000b' },
    ]) {
      const r = await buyer.post(`/api/v1/orders/${order.id}/returns`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(
      (await buyer.post(`/api/v1/orders/${order.id}/returns`, { line: 7, reason: 'other' })).json().code,
    ).toBe('invalid_return');
    const late = await deliveredOrder();
    await fulfil(late.order.id);
    await owner.request('PUT', '/api/v1/orgs/returnco/shipping/tax', { returnWindowDays: 0 });
    const closed = await buyer.post(`/api/v1/orders/${late.order.id}/returns`, { line: 0, reason: 'other' });
    expect(closed.json().code).toBe('return_window_closed');
  });
});
