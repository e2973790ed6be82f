import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../../commerce/index.ts';

// The tier perks beyond early access: a badge by the name in the brand's threads and on the profile, products for
// a tier and those above it (enforced by the checkout's write), and challenges that invite a tier to co-design.
let t: TestContext;
let owner: TestClient;
let ivy: TestClient; // Insider of perkco
let noah: TestClient; // no tier
let orgId: string;

const address = (handle: string) => ({
  name: handle,
  line1: `${handle} House`,
  city: 'Leeds',
  postalCode: 'LS1 1AA',
  country: 'GB',
});

function buy(client: TestClient, variantId: string, key: string = randomUUID()) {
  return client.request(
    'POST',
    '/api/v1/orders',
    {
      items: [{ variantId, quantity: 1 }],
      shippingAddress: address(client.handle),
      card: { number: TEST_CARDS.succeeds },
    },
    { 'idempotency-key': key },
  );
}

/** Points as the ledger records them from a source event (an implemented idea), through the real handler. */
async function earn(personId: string, org: string, points: number) {
  const handler = t.events.handlerFor('ideas.idea_implemented_contribution', 'advocates.idea-points');
  const event = {
    id: Math.floor(Math.random() * 1e9),
    type: 'ideas.idea_implemented_contribution' as const,
    aggregateId: randomUUID(),
    payload: { ideaId: randomUUID(), orgId: org, personId, points },
    createdAt: new Date(),
  };
  await t.handle.db.transaction().execute((trx) => handler!(event, { trx, afterCommit: () => {} }));
}

async function product(client: TestClient, brand: string, sku: string, audience?: string | null) {
  return client.post(`/api/v1/orgs/${brand}/products`, {
    title: `Numbered print ${sku}`,
    currency: 'EUR',
    priceMinor: 9_000,
    variants: [{ sku, stock: 5 }],
    ...(audience !== undefined ? { audience } : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('perkowner');
  orgId = await t.brand(owner, 'perkco');
  ivy = await t.signup('perkivy');
  noah = await t.signup('perknoah');
  await earn(ivy.userId, orgId, 120); // Insider (100) on the default ladder
});
afterAll(() => t.close());

describe('tier badges', () => {
  it("should show the brand's badge on a member's reply in its thread and on their profile, not in a person's thread", async () => {
    const root = (
      await owner.post('/api/v1/posts', { text: 'What should we make next?', as: 'perkco' })
    ).json();
    const reply = await ivy.post('/api/v1/posts', { text: 'A walnut edition', inReplyToId: root.id });
    expect(reply.statusCode, reply.body).toBe(201);
    await noah.post('/api/v1/posts', { text: 'Me too', inReplyToId: root.id });
    const thread = (await noah.get(`/api/v1/posts/${root.id}/thread`)).json();
    const byHandle = new Map(
      thread.replies.map((p: { author: { handle: string; badges?: unknown } }) => [
        p.author.handle,
        p.author,
      ]),
    );
    expect(byHandle.get('perkivy')).toMatchObject({ badges: [{ brand: 'perkco', tier: 'Insider' }] });
    expect(byHandle.get('perknoah')).not.toHaveProperty('badges');
    expect(thread.post.author).not.toHaveProperty('badges');

    const own = (await ivy.post('/api/v1/posts', { text: 'My own musings' })).json();
    const mine = (await noah.get(`/api/v1/posts/${own.id}`)).json();
    expect(mine.author).not.toHaveProperty('badges');
    const profile = (await noah.get('/api/v1/accounts/perkivy')).json();
    expect(profile.badges).toEqual([{ brand: 'perkco', tier: 'Insider' }]);
    expect((await noah.get('/api/v1/accounts/perknoah')).json()).not.toHaveProperty('badges');
  });

  it("should ask the resolver once per page of posts, whatever the page's size", async () => {
    const calls: number[] = [];
    const real = t.modules.advocates.badges;
    t.modules.social.plugBadges(async (ids, org) => {
      calls.push(ids.length);
      return real(ids, org);
    });
    try {
      const root = (await owner.post('/api/v1/posts', { text: 'Show us your setup', as: 'perkco' })).json();
      for (let i = 0; i < 5; i++)
        await ivy.post('/api/v1/posts', { text: `Setup ${i}`, inReplyToId: root.id });
      calls.length = 0;
      const thread = (await noah.get(`/api/v1/posts/${root.id}/thread`)).json();
      expect(thread.replies).toHaveLength(5);
      expect(
        thread.replies.every((p: { author: { badges?: unknown[] } }) => p.author.badges?.length === 1),
      ).toBe(true);
      expect(calls).toEqual([1]);
    } finally {
      t.modules.social.plugBadges(real);
    }
  });
});

describe('Insiders-only products', () => {
  let variantId: string;
  let productId: string;

  it("should refuse another brand's tier key and an unknown one with 422, naming the field", async () => {
    const other = await t.signup('perkother');
    await t.brand(other, 'perkrival');
    await other.request('PUT', '/api/v1/orgs/perkrival/tiers', {
      tiers: [
        { key: 'fan', name: 'Fan', minPoints: 0 },
        { key: 'vip', name: 'VIP', minPoints: 10 },
      ],
    });
    const foreign = await product(owner, 'perkco', 'P-FOREIGN', 'tier:vip');
    expect([foreign.statusCode, foreign.json().code, foreign.json().errors[0].field]).toEqual([
      422,
      'audience_segment_not_found',
      'audience',
    ]);
    const bad = await product(owner, 'perkco', 'P-BAD', 'tier:Not A Key');
    expect(bad.statusCode).toBe(400);
    const rivalProduct = await product(other, 'perkrival', 'R-1', 'tier:vip');
    expect(rivalProduct.statusCode, rivalProduct.body).toBe(201);
    // The rival's VIP tier says nothing about perkco's customers, and perkco's Insider nothing about the rival's.
    const refused = await buy(ivy, rivalProduct.json().variants[0].id);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'product_exclusive']);
  });

  it('should show who may buy, refuse a non-member with the tier named and sell to a member once per key', async () => {
    const res = await product(owner, 'perkco', 'P-INS', 'tier:insider');
    expect(res.statusCode, res.body).toBe(201);
    productId = res.json().id;
    variantId = res.json().variants[0].id;
    const page = (await noah.get(`/api/v1/products/${productId}`)).json();
    expect(page).toMatchObject({ audience: 'tier:insider', audienceLabel: 'Insider' });
    const shop = (await noah.get('/api/v1/orgs/perkco/products')).json().items;
    expect(shop.find((p: { id: string }) => p.id === productId)).toMatchObject({ audienceLabel: 'Insider' });

    const refused = await buy(noah, variantId);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'product_exclusive',
      label: 'Insider',
      audience: 'tier:insider',
    });
    expect(refused.json().detail).toMatch(/Insiders only: for the brand’s Insider members and those above/);

    const key = randomUUID();
    const [a, b] = await Promise.all([buy(ivy, variantId, key), buy(ivy, variantId, key)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    const ids = new Set([a.json().id, b.json().id]);
    expect(ids.size).toBe(1);
    const retry = await buy(ivy, variantId, key);
    expect(retry.json().id).toBe(a.json().id);
    const stock = (await owner.get(`/api/v1/products/${productId}`)).json().stock;
    expect(stock).toBe(4);
  });

  it('should refuse a member whose product was raised to a higher tier meanwhile, in the order write', async () => {
    const raised = await owner.request('PUT', `/api/v1/products/${productId}`, {
      title: 'Numbered print P-INS',
      currency: 'EUR',
      priceMinor: 9_000,
      variants: [{ sku: 'P-INS', stock: 4 }],
      audience: 'tier:champion',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    const refused = await buy(ivy, variantId);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'product_exclusive']);
    expect((await owner.get(`/api/v1/products/${productId}`)).json().stock).toBe(4);
    // Opened to everyone again (null), anyone may buy it.
    const opened = await owner.request('PUT', `/api/v1/products/${productId}`, {
      title: 'Numbered print P-INS',
      currency: 'EUR',
      priceMinor: 9_000,
      variants: [{ sku: 'P-INS', stock: 4 }],
      audience: null,
    });
    expect(opened.json().audience).toBeNull();
    await expect.poll(async () => (await buy(noah, variantId)).statusCode, { timeout: 10_000 }).toBe(201);
  });
});

describe('co-design challenges for a tier', () => {
  it('should show a tier-invited challenge to its members and 404 to others', async () => {
    const foreign = await owner.post('/api/v1/orgs/perkco/challenges', {
      title: 'Design the walnut lamp',
      description: 'Sketches welcome',
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      tier: 'vip',
    });
    expect([foreign.statusCode, foreign.json().code]).toEqual([422, 'challenge_tier_not_found']);
    const res = await owner.post('/api/v1/orgs/perkco/challenges', {
      title: 'Design the walnut lamp',
      description: 'Sketches welcome',
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      tier: 'insider',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().audience).toMatchObject({ tier: 'insider' });
    const id = res.json().id;
    expect((await ivy.get(`/api/v1/challenges/${id}`)).statusCode).toBe(200);
    expect((await noah.get(`/api/v1/challenges/${id}`)).statusCode).toBe(404);
    const listed = (await ivy.get('/api/v1/orgs/perkco/challenges')).json().items;
    expect(listed.map((c: { id: string }) => c.id)).toContain(id);
    expect((await noah.get('/api/v1/orgs/perkco/challenges')).json().items).toEqual([]);
  });
});
