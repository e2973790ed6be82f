import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { signBody, TEST_CARDS } from './payments/test-provider.ts';

let t: TestContext;
let owner: TestClient;
let fan: TestClient;
let laptop: { id: string; variants: { id: string; stock: number }[] };
let warranty: { id: string; variants: { id: string }[] };

const address = { name: 'Ada Fan', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
const card = { number: TEST_CARDS.succeeds };

function buy(client: TestClient, body: Record<string, unknown>, key = randomUUID()) {
  return client.request(
    'POST',
    '/api/v1/orders',
    { shippingAddress: address, card, ...body },
    { 'idempotency-key': key },
  );
}

async function product(body: Record<string, unknown>) {
  const res = await owner.post('/api/v1/orgs/northwind/products', { currency: 'EUR', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function deal(body: Record<string, unknown>) {
  return owner.post('/api/v1/orgs/northwind/deals', {
    text: 'Flash deal for followers!',
    endsAt: inAnHour(),
    ...body,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('nora');
  fan = await t.signup('fan');
  await t.brand(owner, 'northwind', { verified: true });
  await fan.post('/api/v1/accounts/northwind/follow');
  laptop = await product({
    title: 'Laptop 14',
    priceMinor: 100_000,
    resellerFloorMinor: 90_000,
    variants: [{ sku: 'LAP-14', stock: 1000 }],
  });
  warranty = await product({
    title: '3-year warranty',
    priceMinor: 15_000,
    exclusive: true,
    variants: [{ sku: 'WAR-3', stock: 1000 }],
  });
});
afterAll(() => t.close());

describe('catalog', () => {
  it('should refuse a list price below the reseller floor', async () => {
    const res = await owner.post('/api/v1/orgs/northwind/products', {
      title: 'Cheap',
      currency: 'EUR',
      priceMinor: 50,
      resellerFloorMinor: 100,
      variants: [{ sku: 'C-1', stock: 1 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('priceMinor');
  });

  it('should keep non-staff from managing the catalog, writing nothing', async () => {
    const res = await fan.post('/api/v1/orgs/northwind/products', {
      title: 'Mine',
      currency: 'EUR',
      priceMinor: 50,
      variants: [{ sku: 'M-1', stock: 1 }],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('not_a_member');
    const list = (await owner.get('/api/v1/orgs/northwind/products')).json().items;
    expect(list.map((p: { title: string }) => p.title)).not.toContain('Mine');
  });

  it('should import a CSV all or nothing, naming the line and field of each problem', async () => {
    const header = 'slug,title,description,price,currency,reseller_floor,exclusive,images,sku,variant,stock';
    const bad = [
      header,
      'boot,Trail boot,,129.99,EUR,99.00,false,,BOOT-40,40,5',
      'boot,Trail boot,,129.99,EUR,99.00,false,,BOOT-40,41,-1',
      'cap,Cap,,abc,EUR,,false,,CAP-1,,3',
    ].join('\n');
    const res = await owner.request('POST', '/api/v1/orgs/northwind/products/import', bad, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { line: 3, field: 'stock', message: expect.any(String) },
        { line: 3, field: 'sku', message: 'repeats line 2' },
        { line: 4, field: 'price', message: expect.any(String) },
      ]),
    );
    const list = (await owner.get('/api/v1/orgs/northwind/products')).json().items;
    expect(list.map((p: { slug: string }) => p.slug)).not.toContain('boot');

    const good = [
      header,
      'boot,Trail boot,Waterproof,129.99,EUR,99.00,false,https://example.com/b.jpg,BOOT-40,40,5',
      'boot,Trail boot,Waterproof,129.99,EUR,99.00,false,https://example.com/b.jpg,BOOT-41,41,7',
    ].join('\n');
    const ok = await owner.request('POST', '/api/v1/orgs/northwind/products/import', good, {
      'content-type': 'text/csv',
    });
    expect(ok.json()).toEqual({ created: 1, updated: 0 });
    const csv = (await owner.get('/api/v1/orgs/northwind/products.csv')).body;
    expect(csv).toContain(
      'boot,Trail boot,Waterproof,129.99,EUR,99.00,false,https://example.com/b.jpg,BOOT-41,41,7',
    );
  });
});

describe('deals and the channel guard', () => {
  it('should refuse a deal that undercuts the reseller floor, saying which product, by how much and what to do', async () => {
    const res = await deal({ type: 'percent_off', percentOff: 20, items: [{ productId: laptop.id }] });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('channel_guard');
    expect(body.violations).toEqual([
      expect.objectContaining({ productId: laptop.id, dealPriceMinor: 80_000, shortByMinor: 10_000 }),
    ]);
    expect(body.alternatives.join(' ')).toContain('3-year warranty');
  });

  it('should publish a value-added bundle with an exclusive item into followers’ timelines as a deal post', async () => {
    const res = await deal({
      type: 'bundle',
      valueMinor: 99_000,
      items: [{ productId: laptop.id }, { productId: warranty.id }],
      quantityCap: 50,
      perCustomerLimit: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const card = res.json();
    expect(card).toMatchObject({ status: 'live', remaining: 50, exclusiveTitles: ['3-year warranty'] });
    await t.drain();
    const home = (await fan.get('/api/v1/timelines/home')).json().items;
    expect(home.find((p: { id: string }) => p.id === card.id)).toMatchObject({
      kind: 'deal',
      author: { handle: 'northwind' },
    });
  });

  it('should let an owner override the guard with a recorded reason, but not a marketer', async () => {
    const marketer = await t.signup('mila');
    const inv = await owner.post('/api/v1/orgs/northwind/invitations', { handle: 'mila', role: 'marketer' });
    await marketer.post(`/api/v1/invitations/${inv.json().id}/accept`);
    const body = {
      text: 'Clearance',
      endsAt: inAnHour(),
      type: 'percent_off',
      percentOff: 20,
      items: [{ productId: laptop.id }],
      override: { reason: 'End-of-line clearance agreed with resellers' },
    };
    const dealsBefore = (await owner.get('/api/v1/orgs/northwind/deals')).json().items.length;
    const refused = await marketer.post('/api/v1/orgs/northwind/deals', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('override_not_allowed');
    expect((await owner.get('/api/v1/orgs/northwind/deals')).json().items).toHaveLength(dealsBefore);

    const published = await owner.post('/api/v1/orgs/northwind/deals', body);
    expect(published.statusCode).toBe(201);
    // The reason is kept with the deal, word for word, with who overrode the guard.
    const recorded = await t.handle.db
      .selectFrom('deals')
      .select(['guard_override_reason', 'guard_override_by'])
      .where('id', '=', published.json().id)
      .executeTakeFirstOrThrow();
    expect(recorded).toEqual({
      guard_override_reason: 'End-of-line clearance agreed with resellers',
      guard_override_by: owner.userId,
    });
  });
});

describe('checkout', () => {
  let dealId: string;
  beforeAll(async () => {
    const res = await deal({
      type: 'fixed_price',
      valueMinor: 95_000,
      items: [{ productId: laptop.id }],
      quantityCap: 10,
      perCustomerLimit: 2,
    });
    dealId = res.json().id;
  });

  it('should take a one-click order at the deal price, paid, with stock and cap taken', async () => {
    const res = await buy(fan, {
      dealId,
      items: [{ variantId: laptop.variants[0].id, quantity: 1 }],
      expectedTotalMinor: 95_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'paid',
      totalMinor: 95_000,
      items: [{ unitPriceMinor: 95_000, quantity: 1 }],
    });
    expect((await fan.get(`/api/v1/deals/${dealId}`)).json()).toMatchObject({
      sold: 1,
      remaining: 9,
      viewer: { bought: 1 },
    });
  });

  it('should return the first order for a retried Idempotency-Key, and refuse the key for a different order', async () => {
    const key = randomUUID();
    const body = { dealId, items: [{ variantId: laptop.variants[0].id, quantity: 1 }] };
    const [a, b] = await Promise.all([buy(fan, body, key), buy(fan, body, key)]);
    const ids = new Set([a.json().id, b.json().id]);
    expect(ids.size).toBe(1);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    const other = await buy(
      fan,
      { ...body, items: [{ variantId: laptop.variants[0].id, quantity: 2 }] },
      key,
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
  });

  it('should hold the per-customer limit', async () => {
    const res = await buy(fan, { dealId, items: [{ variantId: laptop.variants[0].id, quantity: 1 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('deal_limit_reached');
  });

  it('should answer bad orders with clear 4xx codes', async () => {
    const stranger = await t.signup('stranger');
    const item = { variantId: laptop.variants[0].id, quantity: 1 };
    const cases: [TestClient, Record<string, unknown>, number, string][] = [
      [stranger, { dealId, items: [item] }, 403, 'followers_only'],
      [owner, { items: [item], expectedTotalMinor: 1 }, 409, 'price_changed'],
      [owner, { items: [{ variantId: randomUUID(), quantity: 1 }] }, 422, 'unknown_product'],
      [owner, { items: [item], currency: 'USD' }, 422, 'currency_mismatch'],
      [owner, { items: [{ ...item, quantity: 1000 }] }, 400, 'validation_failed'],
      [
        owner,
        {
          items: [
            { ...item, quantity: 100 },
            { variantId: warranty.variants[0].id, quantity: 1 },
          ],
          expectedTotalMinor: 1,
        },
        409,
        'price_changed',
      ],
    ];
    for (const [client, body, status, code] of cases) {
      const res = await buy(client, body);
      expect({ status: res.statusCode, code: res.json().code }, JSON.stringify(body)).toEqual({
        status,
        code,
      });
    }
    // The refused follower-only purchase took no order for the stranger.
    expect((await stranger.get('/api/v1/me/orders')).json().items).toEqual([]);
    const negative = await buy(owner, { items: [{ ...item, quantity: -1 }] });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('items[0].quantity');
    const noKey = await owner.request('POST', '/api/v1/orders', {
      items: [item],
      shippingAddress: address,
      card,
    });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().errors[0].field).toBe('idempotency-key');
  });

  it('should refuse a deal before it starts and after it ends, holding no stock', async () => {
    const lamp = await product({
      title: 'Desk lamp',
      priceMinor: 6_000,
      variants: [{ sku: 'LMP-1', stock: 4 }],
    });
    const later = (
      await deal({
        type: 'amount_off',
        valueMinor: 1_000,
        items: [{ productId: lamp.id }],
        startsAt: inAnHour(),
        endsAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
        audience: 'everyone',
      })
    ).json();
    const items = [{ variantId: lamp.variants[0].id, quantity: 1 }];
    const early = await buy(fan, { dealId: later.id, items });
    expect({ status: early.statusCode, code: early.json().code }).toEqual({
      status: 409,
      code: 'deal_not_started',
    });
    // The deal's window passes (moved in the database: a test cannot wait an hour).
    await t.handle.db
      .updateTable('deals')
      .set({ starts_at: new Date(Date.now() - 7200_000), ends_at: new Date(Date.now() - 60_000) })
      .where('id', '=', later.id)
      .execute();
    const late = await buy(fan, { dealId: later.id, items });
    expect({ status: late.statusCode, code: late.json().code }).toEqual({
      status: 410,
      code: 'deal_expired',
    });
    expect((await owner.get(`/api/v1/products/${lamp.id}`)).json().stock).toBe(4);
    expect(
      (await fan.get('/api/v1/me/orders'))
        .json()
        .items.some((o: { dealId: string }) => o.dealId === later.id),
    ).toBe(false);
  });

  it('should never oversell a capped deal when many buyers race for it', async () => {
    const racer = await product({
      title: 'Limited console',
      priceMinor: 50_000,
      variants: [{ sku: 'CON-1', stock: 7 }],
    });
    const capped = (
      await deal({
        type: 'amount_off',
        valueMinor: 5_000,
        items: [{ productId: racer.id }],
        quantityCap: 5,
        audience: 'everyone',
      })
    ).json();
    const buyers = await Promise.all(Array.from({ length: 12 }, (_, i) => t.signup(`racer${i}`)));
    const results = await Promise.all(
      buyers.map((b) =>
        buy(b, { dealId: capped.id, items: [{ variantId: racer.variants[0].id, quantity: 1 }] }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode !== 201).every((r) => r.json().code === 'deal_sold_out')).toBe(
      true,
    );
    const after = (await owner.get(`/api/v1/products/${racer.id}`)).json();
    expect(after.stock).toBe(2);
  });

  it('should decide orders that arrive together one by one: limit, retried key and stock held within a batch', async () => {
    const gadget = await product({
      title: 'Gadget',
      priceMinor: 9_000,
      variants: [{ sku: 'GAD-1', stock: 3 }],
    });
    const limited = (
      await deal({
        type: 'amount_off',
        valueMinor: 1_000,
        items: [{ productId: gadget.id }],
        perCustomerLimit: 1,
        audience: 'everyone',
      })
    ).json();
    const eager = await t.signup('eager');
    const line = { variantId: gadget.variants[0].id, quantity: 1 };
    const retriedKey = randomUUID();
    // Sent in one turn of the event loop, so they are written by one call of the batch function.
    const [a, b, c, d] = await Promise.all([
      buy(eager, { dealId: limited.id, items: [line] }),
      buy(eager, { dealId: limited.id, items: [line] }),
      buy(owner, { items: [line] }, retriedKey),
      buy(owner, { items: [line] }, retriedKey),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('deal_limit_reached');
    expect([c.statusCode, d.statusCode].sort()).toEqual([200, 201]);
    expect(c.json().id).toBe(d.json().id); // the retry answers the first order, never a second one
    const short = await Promise.all([buy(owner, { items: [line] }), buy(owner, { items: [line] })]);
    expect(short.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(short.find((r) => r.statusCode === 409)!.json().code).toBe('sold_out');
    expect((await owner.get(`/api/v1/products/${gadget.id}`)).json().stock).toBe(0);
  });

  it('should hold nothing for a declined card, and release the stock of a payment that fails later', async () => {
    const item = await product({
      title: 'Headphones',
      priceMinor: 20_000,
      variants: [{ sku: 'HP-1', stock: 3 }],
    });
    const declined = await buy(owner, {
      items: [{ variantId: item.variants[0].id, quantity: 1 }],
      card: { number: TEST_CARDS.declined },
    });
    expect(declined.statusCode, declined.body).toBe(402);
    expect(declined.json().code).toBe('payment_declined');
    expect((await owner.get(`/api/v1/products/${item.id}`)).json().stock).toBe(3); // nothing was held for it
    const pending = await buy(owner, {
      items: [{ variantId: item.variants[0].id, quantity: 2 }],
      card: { number: TEST_CARDS.failsAfterDelay },
    });
    expect(pending.statusCode).toBe(202);
    expect((await owner.get(`/api/v1/products/${item.id}`)).json().stock).toBe(1);
    // The test provider's delayed failure arrives after 500 ms (test-app.ts): long enough that a loaded machine
    // still sees the held stock above, short enough to wait for here.
    for (
      const until = Date.now() + 10_000;
      Date.now() < until &&
      (await owner.get(`/api/v1/orders/${pending.json().id}`)).json().status === 'pending';
    )
      await new Promise((r) => setTimeout(r, 25));
    expect((await owner.get(`/api/v1/orders/${pending.json().id}`)).json().status).toBe('cancelled');
    expect((await owner.get(`/api/v1/products/${item.id}`)).json().stock).toBe(3);
  });

  it('should accept only correctly signed payment webhooks', async () => {
    const body = JSON.stringify({ providerRef: 'test_nope', status: 'succeeded' });
    const forged = await t.anonymous.request('POST', '/api/v1/payments/test/webhook', body, {
      'content-type': 'application/json',
      'x-souk-signature': 'bad',
    });
    expect(forged.statusCode).toBe(401);
    const signed = await t.anonymous.request('POST', '/api/v1/payments/test/webhook', body, {
      'content-type': 'application/json',
      'x-souk-signature': signBody('test-secret', body),
    });
    expect(signed.statusCode, signed.body).toBe(404); // authentic, but no such payment
  });

  it('should refund in part then in full, once per key, returning the stock on the full refund', async () => {
    const item = await product({ title: 'Mouse', priceMinor: 3_000, variants: [{ sku: 'MS-1', stock: 4 }] });
    const order = (await buy(owner, { items: [{ variantId: item.variants[0].id, quantity: 2 }] })).json();
    const key = randomUUID();
    const refund = (k: string, amountMinor?: number) =>
      owner.request('POST', `/api/v1/orders/${order.id}/refund`, amountMinor ? { amountMinor } : {}, {
        'idempotency-key': k,
      });
    expect((await refund(key, 1_000)).json()).toMatchObject({ status: 'paid', refundedMinor: 1_000 });
    expect((await refund(key, 1_000)).json().refundedMinor).toBe(1_000);
    expect((await refund(randomUUID(), 9_000)).statusCode).toBe(422);
    expect((await refund(randomUUID())).json()).toMatchObject({ status: 'refunded', refundedMinor: 6_000 });
    expect((await owner.get(`/api/v1/products/${item.id}`)).json().stock).toBe(4);
  });
});

describe('attribution and sales', () => {
  it('should credit a sale to the reshare chain that led to it, and a referral to its sharer', async () => {
    const item = await product({
      title: 'Backpack',
      priceMinor: 8_000,
      variants: [{ sku: 'BP-1', stock: 100 }],
    });
    const card = (
      await deal({
        type: 'percent_off',
        percentOff: 5,
        items: [{ productId: item.id }],
        audience: 'everyone',
      })
    ).json();
    const sharer = await t.signup('sharer');
    const reshare = (await sharer.post(`/api/v1/posts/${card.id}/reshare`)).json();
    const friend = await t.signup('friend');
    const viaReshare = (
      await buy(friend, {
        dealId: card.id,
        items: [{ variantId: item.variants[0].id, quantity: 1 }],
        source: { postId: reshare.id },
      })
    ).json();
    expect(viaReshare.attribution).toMatchObject({ kind: 'reshare', postId: reshare.id });
    expect(viaReshare.attribution.chain.map((a: { handle: string }) => a.handle)).toEqual([
      'northwind',
      'sharer',
    ]);

    const cousin = await t.signup('cousin');
    const viaRef = (
      await buy(cousin, {
        dealId: card.id,
        items: [{ variantId: item.variants[0].id, quantity: 1 }],
        source: { ref: 'sharer' },
      })
    ).json();
    expect(viaRef.attribution).toMatchObject({ kind: 'referral', referrer: { handle: 'sharer' } });

    await fan.post(`/api/v1/deals/${card.id}/click`);
    const report = (await owner.get(`/api/v1/orgs/northwind/deals/${card.id}/sales`)).json();
    expect(report).toMatchObject({ orders: 2, units: 2, revenueMinor: 2 * 7_600, clicks: 1 });
    expect(report.revenueBySource).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'reshare',
          account: expect.objectContaining({ handle: 'sharer' }),
          orders: 1,
        }),
        expect.objectContaining({ kind: 'referral', orders: 1 }),
      ]),
    );
    const outsider = await fan.get('/api/v1/orgs/northwind/sales');
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('not_a_member');
  });

  it('should credit a sale reached through a quote post, and a reshare of it, to that chain', async () => {
    const item = await product({
      title: 'Tent',
      priceMinor: 20_000,
      variants: [{ sku: 'TENT-1', stock: 10 }],
    });
    const card = (
      await deal({
        type: 'percent_off',
        percentOff: 10,
        items: [{ productId: item.id }],
        audience: 'everyone',
      })
    ).json();
    const quoter = await t.signup('quoter');
    const quote = (
      await quoter.post('/api/v1/posts', { text: 'Best tent I owned', quoteOfId: card.id })
    ).json();
    const amplifier = await t.signup('amplifier');
    const reshare = (await amplifier.post(`/api/v1/posts/${quote.id}/reshare`)).json();
    const buyer = await t.signup('tentbuyer');
    const order = (
      await buy(buyer, {
        dealId: card.id,
        items: [{ variantId: item.variants[0].id, quantity: 1 }],
        source: { postId: reshare.id },
      })
    ).json();
    expect(order.attribution).toMatchObject({ kind: 'reshare', postId: reshare.id });
    expect(order.attribution.chain.map((a: { handle: string }) => a.handle)).toEqual([
      'northwind',
      'quoter',
      'amplifier',
    ]);
    // A quote of another post is no path to this deal.
    const elsewhere = (await quoter.post('/api/v1/posts', { text: 'Unrelated' })).json();
    const offPath = (await quoter.post('/api/v1/posts', { text: 'Hm', quoteOfId: elsewhere.id })).json();
    const other = await t.signup('otherbuyer');
    const direct = (
      await buy(other, {
        dealId: card.id,
        items: [{ variantId: item.variants[0].id, quantity: 1 }],
        source: { postId: offPath.id },
      })
    ).json();
    expect(direct.attribution.kind).toBe('direct');
  });
});
