import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../payments/test-provider.ts';

let t: TestContext;
let owner: TestClient;
let rival: TestClient;
let buyer: TestClient;
let productId: string;
let variantId: string;

const later = (ms: number) => new Date(Date.now() + ms).toISOString();
const address = { name: 'Ada Fan', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

beforeAll(async () => {
  // Delayed payments stay pending for the whole file, so an early end meets an unpaid order.
  t = await createTestApp({ modules: { paymentDelayMs: 600_000 } });
  owner = await t.signup('de_owner');
  rival = await t.signup('de_rival');
  buyer = await t.signup('de_buyer');
  await t.brand(owner, 'editco', { verified: true });
  await t.brand(rival, 'rivalco', { verified: true });
  const product = await owner.post('/api/v1/orgs/editco/products', {
    title: 'Kettle',
    currency: 'EUR',
    priceMinor: 10_000,
    resellerFloorMinor: 8_000,
    variants: [{ sku: 'K-1', stock: 50 }],
  });
  productId = product.json().id;
  variantId = product.json().variants[0].id;
});
afterAll(() => t.close());

async function publish(extra: Record<string, unknown> = {}) {
  const res = await owner.post('/api/v1/orgs/editco/deals', {
    text: 'Kettle week',
    type: 'percent_off',
    percentOff: 10,
    items: [{ productId }],
    audience: 'everyone',
    endsAt: later(3600_000),
    quantityCap: 20,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

function buy(dealId: string, card: string = TEST_CARDS.succeeds) {
  return buyer.request(
    'POST',
    '/api/v1/orders',
    { dealId, shippingAddress: address, card: { number: card }, items: [{ variantId, quantity: 1 }] },
    { 'idempotency-key': randomUUID() },
  );
}

describe('editing a deal', () => {
  it('should change title, price, end and cap, and keep each change in the history', async () => {
    const id = await publish();
    const endsAt = later(7200_000);
    const res = await owner.request('PATCH', `/api/v1/deals/${id}`, {
      title: 'Kettle weekend',
      percentOff: 15,
      endsAt,
      quantityCap: 30,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Kettle weekend', percentOff: 15, quantityCap: 30, endsAt });
    expect(res.json().items[0].dealPriceMinor).toBe(8_500);
    const history = (await owner.get(`/api/v1/deals/${id}/history`)).json().items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: 'edited',
      actor: { handle: 'de_owner' },
      changes: { percentOff: { from: 10, to: 15 }, quantityCap: { from: 20, to: 30 } },
    });
  });

  it('should refuse a price that undercuts the reseller floor with the channel guard', async () => {
    const id = await publish();
    const res = await owner.request('PATCH', `/api/v1/deals/${id}`, { percentOff: 30 });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('channel_guard');
    expect((await owner.get(`/api/v1/deals/${id}`)).json().percentOff).toBe(10);
  });

  it('should refuse a price change once a unit is sold, and a cap below what is sold', async () => {
    const id = await publish();
    expect((await buy(id)).statusCode).toBe(201);
    const price = await owner.request('PATCH', `/api/v1/deals/${id}`, { percentOff: 12 });
    expect(price.statusCode).toBe(409);
    expect(price.json().code).toBe('deal_locked');
    expect(price.json().detail).toMatch(/1 unit was already sold/);
    const cap = await owner.request('PATCH', `/api/v1/deals/${id}`, { quantityCap: 1 });
    expect(cap.statusCode).toBe(200);
    const below = await owner.request('PATCH', `/api/v1/deals/${id}`, { quantityCap: 0 });
    expect(below.statusCode).toBe(400);
    expect(cap.json().status).toBe('sold_out');
  });

  it('should not let another brand edit, end or read the history of a deal', async () => {
    const id = await publish();
    for (const res of [
      await rival.request('PATCH', `/api/v1/deals/${id}`, { title: 'Mine now' }),
      await rival.post(`/api/v1/deals/${id}/end`),
      await rival.get(`/api/v1/deals/${id}/history`),
      await buyer.post(`/api/v1/deals/${id}/end`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('deal_not_found');
    }
    expect((await owner.get(`/api/v1/deals/${id}`)).json()).toMatchObject({ title: null, status: 'live' });
  });
});

describe('ending a deal early', () => {
  it('should show it ended, refuse Buy and release the units of unpaid orders', async () => {
    const id = await publish();
    const pending = await buy(id, TEST_CARDS.succeedsAfterDelay);
    expect(pending.statusCode, pending.body).toBe(202);
    expect((await owner.get(`/api/v1/deals/${id}`)).json().sold).toBe(1);
    const res = await owner.post(`/api/v1/deals/${id}/end`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ended', sold: 0 });
    expect(res.json().endedEarlyAt).not.toBeNull();
    const order = await buyer.get(`/api/v1/orders/${pending.json().id}`);
    expect(order.json().status).toBe('cancelled');
    const refused = await buy(id);
    expect(refused.statusCode).toBe(410);
    expect(refused.json().code).toBe('deal_expired');
    const again = await owner.post(`/api/v1/deals/${id}/end`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('deal_ended');
    const edit = await owner.request('PATCH', `/api/v1/deals/${id}`, { title: 'Too late' });
    expect(edit.json().code).toBe('deal_ended');
    const history = (await owner.get(`/api/v1/deals/${id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['ended']);
  });

  it('should refund a payment that arrives after its order was released by the early end', async () => {
    const refund = vi.spyOn(t.modules.commerce.payments, 'refund');
    const id = await publish();
    const pending = (await buy(id, TEST_CARDS.succeedsAfterDelay)).json();
    await owner.post(`/api/v1/deals/${id}/end`);
    const ref = (
      await t.handle.db
        .selectFrom('orders')
        .select('payment_ref')
        .where('id', '=', pending.id)
        .executeTakeFirstOrThrow()
    ).payment_ref!;
    for (let i = 0; i < 2; i++)
      await t.modules.commerce.orders.confirm({ providerRef: ref, status: 'succeeded' });
    const order = (await buyer.get(`/api/v1/orders/${pending.id}`)).json();
    expect(order).toMatchObject({ status: 'cancelled', refundedMinor: order.totalMinor });
    expect(refund).toHaveBeenCalledTimes(1);
    expect(refund).toHaveBeenCalledWith(ref, order.totalMinor);
  });

  it('should end a scheduled deal before it starts', async () => {
    const id = await publish({ startsAt: later(3600_000), endsAt: later(7200_000) });
    const res = await owner.post(`/api/v1/deals/${id}/end`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('ended');
  });
});
