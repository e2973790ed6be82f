import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../payments/test-provider.ts';

let t: TestContext;
let owner: TestClient;
let buyers: TestClient[];
let other: TestClient;

const address = { name: 'Ada Fan', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('dora');
  other = await t.signup('otto');
  buyers = [];
  for (const name of ['bea', 'bob', 'bill', 'bess']) buyers.push(await t.signup(name));
  await t.brand(owner, 'codeco', { verified: true });
  await t.brand(other, 'rivalco', { verified: true });
});
afterAll(() => t.close());

async function product(priceMinor: number, stock: number, floor?: number) {
  const res = await owner.post('/api/v1/orgs/codeco/products', {
    title: `Kettle ${randomUUID().slice(0, 6)}`,
    currency: 'EUR',
    priceMinor,
    ...(floor ? { resellerFloorMinor: floor } : {}),
    variants: [{ sku: `K-${randomUUID().slice(0, 8)}`, stock }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, variantId: res.json().variants[0].id as string };
}

async function code(body: Record<string, unknown>, by = owner, handle = 'codeco') {
  const res = await by.post(`/api/v1/orgs/${handle}/discount-codes`, { currency: 'EUR', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const buy = (
  who: TestClient,
  variantId: string,
  extra: Record<string, unknown> = {},
  key = randomUUID(),
  card: string = TEST_CARDS.succeeds,
) =>
  who.request(
    'POST',
    '/api/v1/orders',
    { shippingAddress: address, card: { number: card }, items: [{ variantId, quantity: 1 }], ...extra },
    { 'idempotency-key': key },
  );

describe('discount codes', () => {
  it('should take the code off the order and show it in the breakdown when the buyer applies it', async () => {
    const p = await product(5_000, 10);
    await code({ code: 'spring10', kind: 'percent', percentOff: 10 });
    const quote = await buyers[0].post('/api/v1/orders/quote', {
      items: [{ variantId: p.variantId, quantity: 2 }],
      discountCode: 'Spring10',
    });
    expect(quote.statusCode, quote.body).toBe(200);
    expect(quote.json()).toMatchObject({
      itemsMinor: 10_000,
      discountMinor: 1_000,
      totalMinor: 9_000,
      discountCode: 'SPRING10',
    });
    const res = await buyers[0].request(
      'POST',
      '/api/v1/orders',
      {
        shippingAddress: address,
        card: { number: TEST_CARDS.succeeds },
        items: [{ variantId: p.variantId, quantity: 2 }],
        discountCode: 'spring10',
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      itemsMinor: 10_000,
      discountMinor: 1_000,
      totalMinor: 9_000,
      discountCode: 'SPRING10',
    });
    expect(res.json().items[0].discountMinor).toBe(1_000);
  });

  it('should count exactly 5 uses when 32 checkouts race for a code limited to 5', async () => {
    const p = await product(2_000, 100);
    const c = await code({ code: 'FIRST5', kind: 'amount', amountMinor: 500, usageLimit: 5 });
    const results = await Promise.all(
      Array.from({ length: 32 }, (_, i) => buy(buyers[i % 4], p.variantId, { discountCode: 'FIRST5' })),
    );
    const ok = results.filter((r) => r.statusCode === 201);
    expect(ok).toHaveLength(5);
    for (const r of ok) expect(r.json().totalMinor).toBe(1_500);
    for (const r of results.filter((r) => r.statusCode !== 201)) {
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().code).toBe('discount_code_used_up');
    }
    const listed = (await owner.get('/api/v1/orgs/codeco/discount-codes'))
      .json()
      .items.find((x: { id: string }) => x.id === c.id);
    expect(listed).toMatchObject({ used: 5, state: 'used_up' });
    expect((await owner.get(`/api/v1/products/${p.id}`)).json().stock).toBe(95);
  });

  it('should return the first order and count the code once when a checkout is retried with its key', async () => {
    const p = await product(2_000, 10);
    await code({ code: 'ONCE', kind: 'amount', amountMinor: 300, usageLimit: 1 });
    const key = randomUUID();
    const first = await buy(buyers[1], p.variantId, { discountCode: 'ONCE' }, key);
    expect(first.statusCode, first.body).toBe(201);
    const retries = await Promise.all(
      [1, 2, 3].map(() => buy(buyers[1], p.variantId, { discountCode: 'ONCE' }, key)),
    );
    for (const r of retries) {
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().id).toBe(first.json().id);
    }
    expect((await buy(buyers[2], p.variantId, { discountCode: 'ONCE' })).json().code).toBe(
      'discount_code_used_up',
    );
  });

  it('should give the use back when an unpaid order is cancelled, and enforce the per-customer limit', async () => {
    const p = await product(2_000, 10);
    const c = await code({ code: 'PERONE', kind: 'percent', percentOff: 5, perCustomerLimit: 1 });
    // A card whose payment fails after a delay: the order waits, then the system cancels it unpaid.
    const pending = await buy(
      buyers[3],
      p.variantId,
      { discountCode: 'PERONE' },
      randomUUID(),
      TEST_CARDS.failsAfterDelay,
    );
    expect(pending.statusCode, pending.body).toBe(202);
    for (
      const until = Date.now() + 20_000;
      Date.now() < until &&
      (await buyers[3].get(`/api/v1/orders/${pending.json().id}`)).json().status === 'pending';
    )
      await new Promise((r) => setTimeout(r, 50));
    expect((await buyers[3].get(`/api/v1/orders/${pending.json().id}`)).json().status).toBe('cancelled');
    const listed = async () =>
      (await owner.get('/api/v1/orgs/codeco/discount-codes'))
        .json()
        .items.find((x: { id: string }) => x.id === c.id);
    expect((await listed()).used).toBe(0);
    expect((await buy(buyers[3], p.variantId, { discountCode: 'PERONE' })).statusCode).toBe(201);
    const second = await buy(buyers[3], p.variantId, { discountCode: 'perone' });
    expect(second.statusCode).toBe(422);
    expect(second.json().code).toBe('discount_code_limit_reached');
    expect((await listed()).used).toBe(1);
  });

  it('should refuse a code that pushes a price below the reseller floor, naming the product', async () => {
    const p = await product(10_000, 10, 9_000);
    await code({ code: 'BIG20', kind: 'percent', percentOff: 20 });
    const res = await buy(buyers[0], p.variantId, { discountCode: 'BIG20' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('discount_below_floor');
    expect(res.json().detail).toMatch(/Kettle .*€80\.00.*€90\.00/);
    await code({ code: 'SMALL5', kind: 'percent', percentOff: 5 });
    expect((await buy(buyers[0], p.variantId, { discountCode: 'SMALL5' })).statusCode).toBe(201);
  });

  it('should refuse an expired, disabled, too small or restricted code with a code naming why', async () => {
    const p = await product(3_000, 10);
    const q = await product(3_000, 10);
    const disabled = await code({ code: 'GONE', kind: 'percent', percentOff: 5 });
    expect((await owner.post(`/api/v1/orgs/codeco/discount-codes/${disabled.id}/disable`)).json().state).toBe(
      'disabled',
    );
    expect((await buy(buyers[0], p.variantId, { discountCode: 'GONE' })).json().code).toBe(
      'discount_code_expired',
    );
    await code({
      code: 'LATER',
      kind: 'percent',
      percentOff: 5,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect((await buy(buyers[0], p.variantId, { discountCode: 'LATER' })).json().code).toBe(
      'discount_code_not_started',
    );
    await code({ code: 'MIN50', kind: 'amount', amountMinor: 500, minOrderMinor: 5_000 });
    const small = await buy(buyers[0], p.variantId, { discountCode: 'MIN50' });
    expect(small.json()).toMatchObject({ code: 'discount_code_minimum' });
    await code({ code: 'ONLYQ', kind: 'percent', percentOff: 5, productIds: [q.id] });
    expect((await buy(buyers[0], p.variantId, { discountCode: 'ONLYQ' })).json().code).toBe(
      'discount_code_not_applicable',
    );
  });

  it("should not reveal another brand's code and refuse bad definitions with a 4xx naming the field", async () => {
    await code({ code: 'RIVAL', kind: 'percent', percentOff: 50 }, other, 'rivalco');
    const p = await product(3_000, 10);
    const res = await buy(buyers[0], p.variantId, { discountCode: 'RIVAL' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('discount_code_not_found');
    expect((await buy(buyers[0], p.variantId, { discountCode: 'NOPE' })).json().code).toBe(
      'discount_code_not_found',
    );
    const rivalList = await owner.get('/api/v1/orgs/rivalco/discount-codes');
    expect(rivalList.statusCode).toBeGreaterThanOrEqual(403);
    const bad = [
      { code: 'NEG', kind: 'amount', amountMinor: -5 },
      { code: 'HUGE', kind: 'amount', amountMinor: 99_999_999_999 },
      { code: 'PCT', kind: 'percent', percentOff: 101 },
      { code: 'NU\u0000L', kind: 'percent', percentOff: 5 },
      { code: 'BOTH', kind: 'percent', percentOff: 5, amountMinor: 100 },
      { code: 'has space', kind: 'percent', percentOff: 5 },
    ];
    for (const body of bad) {
      const r = await owner.post('/api/v1/orgs/codeco/discount-codes', { currency: 'EUR', ...body });
      expect(r.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
    }
    const dup = await owner.post('/api/v1/orgs/codeco/discount-codes', {
      currency: 'EUR',
      code: 'spring10',
      kind: 'percent',
      percentOff: 5,
    });
    expect(dup.statusCode).toBe(409);
    const foreignProduct = await other.post('/api/v1/orgs/rivalco/products', {
      title: 'Rival thing',
      currency: 'EUR',
      priceMinor: 1_000,
      variants: [{ sku: `R-${randomUUID().slice(0, 8)}`, stock: 1 }],
    });
    const foreign = await owner.post('/api/v1/orgs/codeco/discount-codes', {
      currency: 'EUR',
      code: 'STEAL',
      kind: 'percent',
      percentOff: 5,
      productIds: [foreignProduct.json().id],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].field).toBe('productIds[0]');
  });
});
