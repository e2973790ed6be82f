import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { TEST_CARDS } from '../commerce/index.ts';

let t: TestContext;
let shopper: TestClient;
let owner: TestClient;
let rival: TestClient;
let variantId: string;
let productId: string;

const address = {
  name: 'Vera Buyer',
  line1: '2 High St',
  city: 'York',
  postalCode: 'YO1 7HH',
  country: 'GB',
};
const accept = (client: TestClient, quoteId: string, key: string) =>
  client.request(
    'POST',
    `/api/v1/quotes/${quoteId}/accept`,
    { shippingAddress: address, card: { number: TEST_CARDS.succeeds } },
    { 'idempotency-key': key },
  );

/** The shopper asks the brand in public for a product at a price; care files it as a price request. */
async function priceRequest(text: string) {
  const post = await shopper.post('/api/v1/posts', { text, visibility: 'public' });
  expect(post.statusCode, post.body).toBe(201);
  await t.drain();
  const list = (await owner.get('/api/v1/orgs/headsound/care/conversations?status=open')).json();
  const conversation = list.items.find(
    (c: { customer: { handle: string } }) => c.customer?.handle === 'vera',
  );
  expect(conversation).toBeDefined();
  const full = (await owner.get(`/api/v1/orgs/headsound/care/conversations/${conversation.id}`)).json();
  const last = full.messages.filter((m: { direction: string }) => m.direction === 'in').at(-1);
  if (full.intent !== 'product_price_request') {
    const fix = await owner.request(
      'PUT',
      `/api/v1/orgs/headsound/care/conversations/${conversation.id}/messages/${last.id}/intent`,
      { intent: 'product_price_request' },
    );
    expect(fix.statusCode, fix.body).toBe(204);
  }
  return conversation.id as string;
}

async function quote(body: Record<string, unknown>, client = owner) {
  return client.post('/api/v1/orgs/headsound/quotes', { sendAs: 'public', expiresInHours: 24, ...body });
}

beforeAll(async () => {
  t = await createTestApp();
  shopper = await t.signup('vera');
  owner = await t.signup('headboss');
  rival = await t.signup('rivalboss');
  await t.brand(owner, 'headsound', { verified: true });
  await t.brand(rival, 'rivalsound', { verified: true });
  const res = await owner.post('/api/v1/orgs/headsound/products', {
    title: 'X200 Headphones',
    currency: 'GBP',
    priceMinor: 50_000,
    resellerFloorMinor: 42_000,
    variants: [
      { sku: 'x200-blue', name: 'Blue', stock: 10 },
      { sku: 'x200-black', name: 'Black', stock: 10 },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  productId = res.json().id;
  variantId = res.json().variants[0].id;
});
afterAll(() => t.close());

describe('VRM quotes', () => {
  it('should list a price request with the product and price it names, matched to the catalog', async () => {
    const conversationId = await priceRequest('@headsound the X200 in blue for £400 and I buy today');
    const queue = await owner.get('/api/v1/orgs/headsound/vrm-queue');
    expect(queue.statusCode, queue.body).toBe(200);
    const item = queue
      .json()
      .items.find((i: { conversationId: string }) => i.conversationId === conversationId);
    expect(item.asked).toEqual({ amountMinor: 40_000, currency: 'GBP' });
    expect(item.matches[0]).toMatchObject({
      variantId,
      title: 'X200 Headphones (Blue)',
      floorMinor: 42_000,
      suggestedUnitPriceMinor: 42_000, // the ask is under the reseller floor: the best the brand can do
    });
  });

  it('should price a quote from the margin rules and refuse one below the floor', async () => {
    const rule = await owner.request('PUT', `/api/v1/orgs/headsound/margin-rules/${productId}`, {
      costMinor: 38_000,
      minMarginPercent: 15,
    });
    expect(rule.statusCode, rule.body).toBe(200);
    expect(rule.json()).toMatchObject({ floorMinor: 43_700, floorReason: 'margin' });
    const below = await quote({
      customer: 'vera',
      items: [{ variantId, quantity: 1, unitPriceMinor: 43_000 }],
    });
    expect(below.statusCode).toBe(422);
    expect(below.json().code).toBe('below_floor');
    const underReseller = await quote({
      customer: 'vera',
      items: [{ variantId, quantity: 1, unitPriceMinor: 41_000 }],
    });
    expect(underReseller.json().code).toBe('channel_guard');
    const suggested = await quote({
      customer: 'vera',
      askedPriceMinor: 40_000,
      items: [{ variantId, quantity: 1 }],
    });
    expect(suggested.statusCode, suggested.body).toBe(201);
    expect(suggested.json()).toMatchObject({ totalMinor: 43_700, state: 'open', currency: 'GBP' });
  });

  it('should send the quote in the conversation and turn it into exactly one order at the quoted price', async () => {
    const conversationId = (await owner.get('/api/v1/orgs/headsound/vrm-queue')).json().items[0]
      .conversationId;
    const res = await quote({
      conversationId,
      message: 'Deal!',
      items: [{ variantId, quantity: 1, unitPriceMinor: 45_000 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const q = res.json();
    const thread = (await owner.get(`/api/v1/orgs/headsound/care/conversations/${conversationId}`)).json();
    expect(thread.messages.at(-1).text).toContain(`/quotes/${q.id}`);
    // The cart link opens the quote for its customer; nobody else sees it.
    const seen = await shopper.get(`/api/v1/quotes/${q.id}`);
    expect(seen.json().items[0]).toMatchObject({ unitPriceMinor: 45_000, listPriceMinor: 50_000 });
    expect(seen.json().items[0].floorMinor).toBeUndefined();
    expect((await rival.get(`/api/v1/quotes/${q.id}`)).json().code).toBe('quote_not_found');
    expect((await rival.post(`/api/v1/quotes/${q.id}/decline`)).statusCode).toBe(404);
    // Many acceptances at once, with different keys: one order.
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => accept(shopper, q.id, `vrm-key-${i}`)),
    );
    const created = results.filter((r) => r.statusCode === 201);
    expect(created).toHaveLength(1);
    for (const r of results.filter((r) => r.statusCode !== 201))
      expect(r.json().code).toMatch(/quote_closed|award_in_progress/);
    const orderId = created[0].json().orderId;
    const order = (await shopper.get(`/api/v1/orders/${orderId}`)).json();
    expect(order.totalMinor).toBeGreaterThanOrEqual(45_000);
    expect(order.items[0].unitPriceMinor).toBe(45_000);
    const replay = await accept(
      shopper,
      q.id,
      results.indexOf(created[0]) >= 0 ? `vrm-key-${results.indexOf(created[0])}` : '',
    );
    expect(replay.statusCode).toBe(200);
    expect(replay.json().orderId).toBe(orderId);
    expect((await shopper.get(`/api/v1/quotes/${q.id}`)).json().state).toBe('accepted');
  });

  it('should refuse an expired quote at checkout with quote_expired and place no order', async () => {
    const res = await quote({
      customer: 'vera',
      items: [{ variantId, quantity: 1, unitPriceMinor: 46_000 }],
    });
    const id = res.json().id;
    await t.handle.db
      .updateTable('rfp_quotes')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    const late = await accept(shopper, id, 'late-key-1');
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('quote_expired');
    expect((await shopper.get(`/api/v1/quotes/${id}`)).json()).toMatchObject({
      state: 'expired',
      orderId: null,
    });
  });

  it('should count quotes by state in the brand’s RFP report', async () => {
    const declined = await quote({ customer: 'vera', items: [{ variantId, quantity: 1 }] });
    expect((await shopper.post(`/api/v1/quotes/${declined.json().id}/decline`)).json().state).toBe(
      'declined',
    );
    const report = (await owner.get('/api/v1/orgs/headsound/rfp-report')).json();
    expect(report.quotes).toMatchObject({ accepted: 1, expired: 1, declined: 1, open: 1 });
    expect(report.quotes.revenue).toEqual([{ currency: 'GBP', totalMinor: 45_000 }]);
  });
});

describe('moved to DM', () => {
  it('should let an asked brand invite the requester to DM and count the yes in the report', async () => {
    const created = await shopper.post('/api/v1/rfps', {
      title: 'Noise-cancelling headphones for the office',
      budgetMinor: 60_000,
      currency: 'GBP',
      deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      brands: ['headsound', 'rivalsound'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    await t.drain();
    const invite = await owner.post(`/api/v1/rfps/${id}/dm-invitations`, { brand: 'headsound' });
    expect(invite.statusCode, invite.body).toBe(201);
    expect((await owner.post(`/api/v1/rfps/${id}/dm-invitations`, { brand: 'headsound' })).json().code).toBe(
      'dm_already_invited',
    );
    // Only the requester answers, and only an invitation that exists.
    expect(
      (await rival.post(`/api/v1/rfps/${id}/dm-answer`, { brand: 'headsound', accept: true })).json().code,
    ).toBe('not_requester');
    expect(
      (await shopper.post(`/api/v1/rfps/${id}/dm-answer`, { brand: 'rivalsound', accept: true })).json().code,
    ).toBe('no_dm_invitation');
    const page = (await shopper.get(`/api/v1/rfps/${id}`)).json();
    expect(page.dm).toEqual([{ brand: expect.objectContaining({ handle: 'headsound' }), status: 'invited' }]);
    const yes = await shopper.post(`/api/v1/rfps/${id}/dm-answer`, { brand: 'headsound', accept: true });
    expect(yes.json()).toEqual({ brand: 'headsound', status: 'accepted' });
    // Care's consent is granted: the brand may now answer by direct message.
    const mine = (await shopper.get('/api/v1/me/care/conversations')).json();
    expect(mine.items.some((c: { privateConsent: string }) => c.privateConsent === 'granted')).toBe(true);
    expect((await owner.get('/api/v1/orgs/headsound/rfp-report')).json().movedToDm).toBe(1);
    expect((await rival.get('/api/v1/orgs/rivalsound/rfp-report')).json().movedToDm).toBe(0);
  });
});

describe('social sales team', () => {
  it('should credit a sales member with their quote’s order, rank the team and export commission as CSV', async () => {
    const sam = await t.signup('samsells');
    const inv = await owner.post('/api/v1/orgs/headsound/invitations', { handle: 'samsells', role: 'sales' });
    expect((await sam.post(`/api/v1/invitations/${inv.json().id}/accept`)).statusCode).toBeLessThan(300);
    const month = new Date().toISOString().slice(0, 7);
    const target = await owner.request('PUT', '/api/v1/orgs/headsound/sales-targets', {
      member: 'samsells',
      month,
      revenueMinor: 40_000,
      currency: 'GBP',
      pitches: 10,
      firstResponseSeconds: 3600,
    });
    expect(target.statusCode, target.body).toBe(200);
    const rules = await owner.request('PUT', '/api/v1/orgs/headsound/commission-rules', {
      baseBp: 500,
      tiers: [{ aboveTargetPercent: 0, bp: 1000 }],
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const q = await quote(
      { customer: 'vera', items: [{ variantId, quantity: 1, unitPriceMinor: 48_000 }] },
      sam,
    );
    expect(q.statusCode, q.body).toBe(201);
    expect((await accept(shopper, q.json().id, 'sam-key-1')).statusCode).toBe(201);
    // The order counts once its payment is confirmed.
    let row:
      | {
          revenueMinor: number;
          revenueBy: { quotes: number };
          commissionMinor: number;
          ssi: { parts: unknown[] };
        }
      | undefined;
    for (let i = 0; i < 60; i++) {
      await t.drain();
      const board = (await sam.get(`/api/v1/orgs/headsound/sales-leaderboard?month=${month}`)).json();
      row = board.items.find((r: { member: { handle: string } }) => r.member?.handle === 'samsells');
      if (row && row.revenueMinor > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(row).toMatchObject({ revenueMinor: 48_000, revenueBy: { quotes: 48_000 }, attainment: 1.2 });
    // 40,000 at 5% + 8,000 above target at 10%
    expect(row?.commissionMinor).toBe(2_000 + 800);
    expect(row?.ssi.parts).toHaveLength(4);
    const csv = await owner.get(`/api/v1/orgs/headsound/sales-commission.csv?month=${month}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('attributed_revenue');
    expect(csv.body).toContain('samsells');
    expect(csv.body).toContain('28.00');
    // The team sees the board; only managers set targets; outsiders see nothing.
    expect(
      (
        await sam.request('PUT', '/api/v1/orgs/headsound/commission-rules', { baseBp: 9000, tiers: [] })
      ).json().code,
    ).toBe('not_sales_manager');
    expect((await shopper.get('/api/v1/orgs/headsound/sales-leaderboard')).json().code).toBe(
      'not_brand_member',
    );
    expect((await rival.get('/api/v1/orgs/headsound/sales-commission.csv')).statusCode).toBe(403);
  });
});
