import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../../commerce/index.ts';

let t: TestContext;
let owner: TestClient;
let rita: TestClient;
let orgId: string;
let productId: string;
let variantId: string;
let openDealId: string;

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

function buy(client: TestClient, dealId: string, ref?: string) {
  return client.request(
    'POST',
    '/api/v1/orders',
    {
      dealId,
      items: [{ variantId, quantity: 1 }],
      shippingAddress: {
        name: client.handle,
        line1: `${client.handle} House`,
        city: 'Leeds',
        postalCode: 'LS1 1AA',
        country: 'GB',
      },
      card: { number: TEST_CARDS.succeeds },
      ...(ref ? { source: { ref } } : {}),
    },
    { 'idempotency-key': randomUUID() },
  );
}

const standing = async (client: TestClient) =>
  (await client.get('/api/v1/me/contributions?brand=tierco')).json().brands[0];

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('tilda');
  orgId = await t.brand(owner, 'tierco');
  rita = await t.signup('tierrita');
  const product = (
    await owner.post('/api/v1/orgs/tierco/products', {
      title: 'Lamp',
      currency: 'EUR',
      priceMinor: 5_000,
      variants: [{ sku: 'L-1', stock: 1000 }],
    })
  ).json();
  productId = product.id;
  variantId = product.variants[0].id;
  await owner.request('PUT', '/api/v1/orgs/tierco/referral-settings', {
    holdDays: 0,
    strangerFlagThreshold: 10,
  });
});
afterAll(() => t.close());

describe('tiers', () => {
  it('should show the default ladder and refuse overlapping, negative or unstarted thresholds with a code', async () => {
    const ladder = (await rita.get('/api/v1/orgs/tierco/tiers')).json();
    expect(ladder.isDefault).toBe(true);
    expect(ladder.tiers.map((x: { name: string }) => x.name)).toEqual(['Member', 'Insider', 'Champion']);
    const put = (tiers: unknown) => owner.request('PUT', '/api/v1/orgs/tierco/tiers', { tiers });
    const overlap = await put([
      { key: 'member', name: 'Member', minPoints: 0 },
      { key: 'insider', name: 'Insider', minPoints: 100 },
      { key: 'champion', name: 'Champion', minPoints: 100 },
    ]);
    expect([overlap.statusCode, overlap.json().code]).toEqual([422, 'tier_thresholds_overlap']);
    expect(overlap.json().errors[0].field).toBe('tiers/2/minPoints');
    const negative = await put([
      { key: 'member', name: 'Member', minPoints: -10 },
      { key: 'insider', name: 'Insider', minPoints: 100 },
    ]);
    expect([negative.statusCode, negative.json().code]).toEqual([422, 'negative_threshold']);
    const noStart = await put([{ key: 'insider', name: 'Insider', minPoints: 100 }]);
    expect(noStart.json().code).toBe('tier_thresholds_overlap');
    expect((await rita.request('PUT', '/api/v1/orgs/tierco/tiers', { tiers: [] })).statusCode).toBe(400);
    expect(
      (
        await rita.request('PUT', '/api/v1/orgs/tierco/tiers', {
          tiers: [{ key: 'a', name: 'A', minPoints: 0 }],
        })
      ).statusCode,
    ).toBe(403);
    const ok = await put([
      { key: 'member', name: 'Member', minPoints: 0 },
      { key: 'insider', name: 'Insider', minPoints: 40, perks: 'Early access' },
      { key: 'champion', name: 'Champion', minPoints: 500 },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().isDefault).toBe(false);
  });

  it('should move a referrer up a tier with the entry that moved them, shown to the member and the brand', async () => {
    const deal = (
      await owner.post('/api/v1/orgs/tierco/deals', {
        text: 'Lamps for all',
        endsAt: at(24 * HOUR),
        type: 'percent_off',
        percentOff: 10,
        items: [{ productId }],
        audience: 'everyone',
      })
    ).json();
    openDealId = deal.id;
    const fay = await t.signup('tierfay');
    await fay.post('/api/v1/accounts/tierrita/follow');
    expect((await buy(fay, deal.id, 'tierrita')).statusCode).toBe(201);
    await t.drain();
    expect(await t.modules.advocates.earnDueReferrals()).toBe(1);
    const mine = await standing(rita);
    expect(mine).toMatchObject({
      last12Months: 50,
      tier: { key: 'insider', name: 'Insider' },
      next: { name: 'Champion', minPoints: 500 },
      pointsToNext: 450,
    });
    const moves = (await owner.get('/api/v1/orgs/tierco/tier-changes')).json().items;
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({
      person: { handle: 'tierrita' },
      from: null,
      to: 'Insider',
      direction: 'joined',
      points: 50,
    });
    expect(moves[0].reason).toMatch(/^\+50 points: A friend’s first order/);
    expect((await rita.get('/api/v1/orgs/tierco/tier-changes')).statusCode).toBe(403);
  });

  it('should count a replayed event once and record no second move', async () => {
    const handler = t.events.handlerFor('ideas.idea_implemented_contribution', 'advocates.idea-points');
    const event = {
      id: 4_242_424,
      type: 'ideas.idea_implemented_contribution' as const,
      aggregateId: randomUUID(),
      payload: { ideaId: randomUUID(), orgId, personId: rita.userId, points: 100 },
      createdAt: new Date(),
    };
    for (let i = 0; i < 2; i++) {
      await t.handle.db.transaction().execute((trx) => handler!(event, { trx, afterCommit: () => {} }));
    }
    expect((await standing(rita)).last12Months).toBe(150);
    const moves = (await owner.get('/api/v1/orgs/tierco/tier-changes')).json().items;
    expect(moves).toHaveLength(1); // 150 points is still Insider: no move, and the replay added nothing
  });

  it('should open a deal early for a tier: members see and buy it before others', async () => {
    const publish = (earlyAccess: unknown) =>
      owner.post('/api/v1/orgs/tierco/deals', {
        text: 'New lamp drop',
        startsAt: at(2 * HOUR),
        endsAt: at(24 * HOUR),
        type: 'percent_off',
        percentOff: 15,
        items: [{ productId }],
        audience: 'everyone',
        earlyAccess,
      });
    const otherOwner = await t.signup('tierotto');
    await t.brand(otherOwner, 'othertier');
    await otherOwner.request('PUT', '/api/v1/orgs/othertier/tiers', {
      tiers: [
        { key: 'fan', name: 'Fan', minPoints: 0 },
        { key: 'vip', name: 'VIP', minPoints: 10 },
      ],
    });
    const foreign = await publish({ audience: 'tier:vip', startsAt: at(-60_000) });
    expect([foreign.statusCode, foreign.json().code]).toEqual([422, 'audience_segment_not_found']);
    const late = await publish({ audience: 'tier:insider', startsAt: at(3 * HOUR) });
    expect([late.statusCode, late.json().errors[0].field]).toEqual([422, 'earlyAccess.startsAt']);
    const res = await publish({ audience: 'tier:insider', startsAt: at(-60_000) });
    expect(res.statusCode, res.body).toBe(201);
    const dealId = res.json().id;

    const member = (await rita.get(`/api/v1/deals/${dealId}`)).json();
    expect(member).toMatchObject({
      status: 'live',
      viewer: { earlyAccess: true },
      earlyAccess: { label: 'Insider' },
    });
    const gus = await t.signup('tiergus');
    expect((await gus.get(`/api/v1/deals/${dealId}`)).statusCode).toBe(404);
    const refused = await buy(gus, dealId);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'deal_not_started']);
    expect((await buy(rita, dealId)).statusCode).toBe(201);
    const shop = (await rita.get('/api/v1/orgs/tierco/deals')).json().items;
    expect(shop.map((d: { id: string }) => d.id)).toContain(dealId);
    expect(
      (await gus.get('/api/v1/orgs/tierco/deals')).json().items.map((d: { id: string }) => d.id),
    ).not.toContain(dealId);
  });

  it('should expose a tier as an invite list and badges through the door', async () => {
    expect(await t.modules.advocates.tierExists(orgId, 'insider')).toBe(true);
    expect(await t.modules.advocates.tierExists(orgId, 'vip')).toBe(false);
    expect(await t.modules.advocates.tierMembers(orgId, 'insider')).toEqual([rita.userId]);
    expect(await t.modules.advocates.tierMembers(orgId, 'champion')).toEqual([]);
    const badges = await t.modules.advocates.badges([rita.userId, owner.userId], orgId);
    expect(badges).toEqual([{ accountId: rita.userId, orgId, brand: 'tierco', tier: 'Insider', rank: 1 }]);
  });

  it('should show the long game: cohorts engaged or not, and advocates against others', async () => {
    const hana = await t.signup('tierhana');
    await hana.post('/api/v1/accounts/tierco/follow');
    expect((await buy(hana, openDealId)).statusCode).toBe(201);
    await t.drain();
    expect((await rita.get('/api/v1/orgs/tierco/long-game')).statusCode).toBe(403);
    const res = await owner.get('/api/v1/orgs/tierco/long-game');
    expect(res.statusCode, res.body).toBe(200);
    const game = res.json();
    expect(game.currency).toBe('EUR');
    expect(game.cohorts).toHaveLength(1);
    // Hana followed the brand before buying; Fay and Rita did not.
    expect(game.engagement.engaged.customers).toBe(1);
    expect(game.engagement.notEngaged.customers).toBe(2);
    expect(game.advocacy.advocates.customers).toBe(1); // Rita earned points
    expect(game.engagement.lift.spendPerCustomer.low).toBeNull(); // one engaged customer: no interval
  });
});
