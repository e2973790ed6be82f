import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../../commerce/index.ts';

let t: TestContext;
let owner: TestClient;
let rita: TestClient;
let dealId: string;
let refcoId: string;
let items: { variantId: string; quantity: number }[];

const home = (name: string, line1: string) => ({
  name,
  line1,
  city: 'Leeds',
  postalCode: 'LS1 1AA',
  country: 'GB',
});

async function buy(client: TestClient, opts: { ref?: string; postId?: string; line1?: string } = {}) {
  const res = await client.request(
    'POST',
    '/api/v1/orders',
    {
      dealId,
      items,
      shippingAddress: home(client.handle, opts.line1 ?? `${client.handle} House`),
      card: { number: TEST_CARDS.succeeds },
      ...(opts.ref || opts.postId ? { source: { ref: opts.ref, postId: opts.postId } } : {}),
    },
    { 'idempotency-key': randomUUID() },
  );
  expect(res.statusCode, res.body).toBe(201);
  await t.drain();
  return res.json() as { id: string };
}

type Referral = { id: string; status: string; reason: string | null; buyer: { handle: string } | null };

async function referralOf(orderId: string): Promise<Referral | undefined> {
  const page = (await owner.get('/api/v1/orgs/refco/referrals?limit=100')).json();
  return page.items.find((r: Referral & { orderId: string }) => r.orderId === orderId);
}

const settings = (holdDays: number, strangerFlagThreshold = 3) =>
  owner.request('PUT', '/api/v1/orgs/refco/referral-settings', { holdDays, strangerFlagThreshold });

async function points(client: TestClient) {
  return (await client.get('/api/v1/me/contributions?brand=refco')).json();
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('rowena');
  refcoId = await t.brand(owner, 'refco');
  rita = await t.signup('rita');
  const product = (
    await owner.post('/api/v1/orgs/refco/products', {
      title: 'Kettle',
      currency: 'EUR',
      priceMinor: 4_000,
      variants: [{ sku: 'K-1', stock: 1000 }],
    })
  ).json();
  const card = (
    await owner.post('/api/v1/orgs/refco/deals', {
      text: 'Kettles',
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
      type: 'percent_off',
      percentOff: 10,
      items: [{ productId: product.id }],
      audience: 'everyone',
    })
  ).json();
  dealId = card.id;
  items = [{ variantId: product.variants[0].id, quantity: 1 }];
  await buy(rita); // Rita is a customer; her address is "rita House".
});
afterAll(() => t.close());

describe('referrals', () => {
  it('should hold a friend’s first order, then earn it with its points, seen by the referrer', async () => {
    expect((await settings(0)).statusCode).toBe(200);
    const fred = await t.signup('fred');
    await fred.post('/api/v1/accounts/rita/follow');
    const order = await buy(fred, { ref: 'rita' });
    expect(await referralOf(order.id)).toMatchObject({ status: 'pending', buyer: { handle: 'fred' } });
    expect(await t.modules.advocates.earnDueReferrals()).toBe(1);
    expect((await referralOf(order.id))?.status).toBe('earned');
    const mine = (await rita.get('/api/v1/me/referrals')).json();
    expect(mine.code).toBe('rita');
    expect(mine.items[0]).toMatchObject({ status: 'earned', brand: { handle: 'refco' }, totalMinor: 3_600 });
    expect(JSON.stringify(mine)).not.toContain('fred'); // the referrer does not learn who bought
    const p = await points(rita);
    expect(p.brands[0]).toMatchObject({ points: 50, last12Months: 50 });
    expect(p.items[0]).toMatchObject({ kind: 'referral_earned', points: 50 });
    expect(p.items[0].note).toContain('36.00 EUR');
    // A second earning pass, or the same order events delivered again, add nothing.
    expect(await t.modules.advocates.earnDueReferrals()).toBe(0);
    expect((await points(rita)).brands[0].points).toBe(50);
  });

  it('should refuse a second order, and an order shipped to the referrer’s address, with the reason', async () => {
    const fred = await t.signup('fred2');
    await fred.post('/api/v1/accounts/rita/follow');
    await buy(fred);
    const again = await buy(fred, { ref: 'rita' });
    expect(await referralOf(again.id)).toMatchObject({ status: 'refused' });
    expect((await referralOf(again.id))?.reason).toMatch(/Not a first order/);
    const sock = await t.signup('sock');
    const shipsToRita = await buy(sock, { ref: 'rita', line1: 'RITA   house' });
    expect(await referralOf(shipsToRita.id)).toMatchObject({ status: 'refused' });
    expect((await referralOf(shipsToRita.id))?.reason).toMatch(/address of the referrer/);
    // A self-referral link is not even a referral: nothing is recorded for it.
    const own = await buy(rita, { ref: 'rita' });
    expect(await referralOf(own.id)).toBeUndefined();
    expect(await t.modules.advocates.earnDueReferrals()).toBe(0);
  });

  it('should cancel a referral refunded inside the hold, and take back points refunded after it', async () => {
    expect((await settings(14)).statusCode).toBe(200);
    const gina = await t.signup('gina');
    await gina.post('/api/v1/accounts/rita/follow');
    const held = await buy(gina, { ref: 'rita' });
    expect((await referralOf(held.id))?.status).toBe('pending');
    expect(await t.modules.advocates.earnDueReferrals()).toBe(0); // 14 days to go
    const refund = (id: string) =>
      owner.request('POST', `/api/v1/orders/${id}/refund`, {}, { 'idempotency-key': randomUUID() });
    expect((await refund(held.id)).statusCode).toBe(200);
    await t.drain();
    expect(await referralOf(held.id)).toMatchObject({
      status: 'cancelled',
      reason: 'Refunded inside the hold period',
    });

    await settings(0);
    const hal = await t.signup('hal');
    await rita.post('/api/v1/accounts/hal/follow');
    const late = await buy(hal, { ref: 'rita' });
    expect(await t.modules.advocates.earnDueReferrals()).toBe(1);
    const before = (await points(rita)).brands[0].points;
    expect((await refund(late.id)).statusCode).toBe(200);
    await t.drain();
    expect((await referralOf(late.id))?.status).toBe('reversed');
    const after = await points(rita);
    expect(after.brands[0].points).toBe(before - 50);
    expect(after.items[0]).toMatchObject({ kind: 'reversal', points: -50 });
  });

  it('should flag a code used by many strangers for review, and let the brand approve or reject it', async () => {
    await settings(0, 3);
    const buyers = await Promise.all([1, 2, 3, 4].map((i) => t.signup(`stranger${i}`)));
    const orders = [];
    for (const b of buyers) orders.push(await buy(b, { ref: 'rita' }));
    const states = await Promise.all(orders.map((o) => referralOf(o.id)));
    expect(states.map((s) => s?.status)).toEqual(['pending', 'pending', 'flagged', 'flagged']);
    expect(states[2]?.reason).toMatch(/3 people with no follow connection/);
    const queue = (await owner.get('/api/v1/orgs/refco/referrals?status=flagged')).json();
    expect(queue.items).toHaveLength(2);

    const review = (id: string, decision: string, reason = 'checked the buyers') =>
      owner.post(`/api/v1/orgs/refco/referrals/${id}/review`, { decision, reason });
    const rejected = await review(states[2]!.id, 'reject');
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      reason: 'Rejected on review: checked the buyers',
    });
    expect((await review(states[3]!.id, 'approve', 'they are friends')).json().status).toBe('pending');
    const again = await review(states[2]!.id, 'approve');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('referral_not_flagged');
    expect((await review(randomUUID(), 'reject')).statusCode).toBe(404);
    expect(
      (
        await owner.post('/api/v1/orgs/refco/referrals/not-an-id/review', {
          decision: 'reject',
          reason: 'abc',
        })
      ).statusCode,
    ).toBe(400);
    expect((await review(states[3]!.id, 'maybe')).statusCode).toBe(400);
    const badCursor = Buffer.from(`2026-13-45T99:99:99Z|${randomUUID()}`).toString('base64url');
    const odd = await owner.get(`/api/v1/orgs/refco/referrals?cursor=${badCursor}`);
    expect([odd.statusCode, odd.json().code]).toEqual([400, 'invalid_cursor']);
    // Two pending strangers and the approved one are earned; the rejected one never.
    expect(await t.modules.advocates.earnDueReferrals()).toBe(3);
  });

  it('should refuse a points rule that would award a negative total, and apply the brand’s rules', async () => {
    const bad = await owner.request('PUT', '/api/v1/orgs/refco/points-rules', {
      rules: [{ kind: 'reshare_sale', points: -5 }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('negative_points');
    const ok = await owner.request('PUT', '/api/v1/orgs/refco/points-rules', {
      rules: [{ kind: 'reshare_sale', points: 30 }],
    });
    expect(ok.json().rules).toContainEqual({ kind: 'reshare_sale', points: 30, isDefault: false });
    expect(ok.json().rules).toContainEqual({ kind: 'referral_earned', points: 50, isDefault: true });

    // A reshare that led to a sale earns its resharer the brand's points, once.
    const sam = await t.signup('sam');
    const reshare = (await sam.post(`/api/v1/posts/${dealId}/reshare`)).json();
    const buyer = await t.signup('tess');
    await buy(buyer, { postId: reshare.id });
    const p = await points(sam);
    expect(p.brands[0].points).toBe(30);
    expect(p.items[0]).toMatchObject({ kind: 'reshare_sale', points: 30 });
    expect(await t.drain()).toBe(0);
    expect((await points(sam)).brands[0].points).toBe(30);
  });

  it('should count a redelivered event once', async () => {
    const handler = t.events.handlerFor('ideas.idea_implemented_contribution', 'advocates.idea-points');
    expect(handler).toBeDefined();
    const count = (await points(rita)).items.length;
    const event = {
      id: 987_654,
      type: 'ideas.idea_implemented_contribution' as const,
      aggregateId: randomUUID(),
      payload: { ideaId: randomUUID(), orgId: refcoId, personId: rita.userId, points: 100 },
      createdAt: new Date(),
    };
    // The outbox delivers at least once: the same event twice is one ledger entry.
    for (let i = 0; i < 2; i++) {
      await t.handle.db.transaction().execute((trx) => handler!(event, { trx, afterCommit: () => {} }));
    }
    const after = await points(rita);
    expect(after.items).toHaveLength(count + 1);
    expect(after.items[0]).toMatchObject({
      kind: 'idea_implemented',
      points: 100,
      note: 'Your idea was implemented',
    });
  });

  it('should keep one brand’s referrals and rules from another', async () => {
    const other = await t.signup('otto');
    await t.brand(other, 'otherref');
    expect((await other.get('/api/v1/orgs/refco/referrals')).statusCode).toBe(403);
    expect(
      (
        await other.request('PUT', '/api/v1/orgs/refco/referral-settings', {
          holdDays: 0,
          strangerFlagThreshold: 2,
        })
      ).statusCode,
    ).toBe(403);
    const ids = (await owner.get('/api/v1/orgs/refco/referrals?limit=1'))
      .json()
      .items.map((r: Referral) => r.id);
    const cross = await other.post(`/api/v1/orgs/otherref/referrals/${ids[0]}/review`, {
      decision: 'reject',
      reason: 'not mine',
    });
    expect(cross.statusCode).toBe(404);
    expect((await other.get('/api/v1/orgs/otherref/referrals')).json().items).toEqual([]);
  });
});
