import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../../commerce/index.ts';

let t: TestContext;
let owner: TestClient;
let marketer: TestClient;
let emma: TestClient;
let eli: TestClient;
let customer: TestClient;
let outsider: TestClient;
let dealId: string;
let plainPostId: string;
let otherBrandPostId: string;
let orgId: string;
let items: { variantId: string; quantity: number }[];
const base = '/api/v1/orgs/advco/advocacy';

async function join(client: TestClient, role: string) {
  const inv = await owner.post('/api/v1/orgs/advco/invitations', { handle: client.handle, role });
  await client.post(`/api/v1/invitations/${inv.json().id}/accept`);
}

async function buy(client: TestClient, postId: string) {
  const res = await client.request(
    'POST',
    '/api/v1/orders',
    {
      dealId,
      items,
      shippingAddress: { name: 'C', line1: '1 High St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' },
      card: { number: TEST_CARDS.succeeds },
      source: { postId },
    },
    { 'idempotency-key': randomUUID() },
  );
  expect(res.statusCode, res.body).toBe(201);
  await t.drain();
  return res.json() as { id: string; totalMinor: number };
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('adv_owner');
  marketer = await t.signup('adv_marketer');
  emma = await t.signup('adv_emma');
  eli = await t.signup('adv_eli');
  customer = await t.signup('adv_customer');
  outsider = await t.signup('adv_outsider');
  orgId = await t.brand(owner, 'advco');
  await t.brand(outsider, 'advother');
  await join(marketer, 'marketer');
  await join(emma, 'employee');
  await join(eli, 'employee');
  await customer.post('/api/v1/accounts/adv_emma/follow');
  const product = (
    await owner.post('/api/v1/orgs/advco/products', {
      title: 'Teapot',
      currency: 'EUR',
      priceMinor: 4_000,
      variants: [{ sku: 'T-1', stock: 100 }],
    })
  ).json();
  items = [{ variantId: product.variants[0].id, quantity: 1 }];
  dealId = (
    await owner.post('/api/v1/orgs/advco/deals', {
      text: 'Teapots for the cold months',
      endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      type: 'percent_off',
      percentOff: 10,
      items: [{ productId: product.id }],
      audience: 'everyone',
    })
  ).json().id;
  plainPostId = (
    await owner.post('/api/v1/posts', { text: 'Behind the scenes at the kiln', as: 'advco' })
  ).json().id;
  otherBrandPostId = (await outsider.post('/api/v1/posts', { text: 'Our own news', as: 'advother' })).json()
    .id;
});
afterAll(() => t.close());

describe('content library', () => {
  it('should let a marketer mark the brand’s posts shareable with a topic and caption', async () => {
    const res = await marketer.request('PUT', `${base}/library/${dealId}`, {
      topic: 'Launches',
      caption: 'Our teapots are back #employee',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ postId: dealId, topic: 'Launches' });
    const plain = await owner.request('PUT', `${base}/library/${plainPostId}`, { topic: 'Studio' });
    expect(plain.statusCode).toBe(200);
  });

  it('should refuse another brand’s post, an employee marking and an outsider', async () => {
    const other = await marketer.request('PUT', `${base}/library/${otherBrandPostId}`, { topic: 'Launches' });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('not_brand_post');
    const byEmployee = await emma.request('PUT', `${base}/library/${plainPostId}`, { topic: 'Studio' });
    expect(byEmployee.statusCode).toBe(403);
    const byOutsider = await outsider.request('PUT', `${base}/library/${plainPostId}`, { topic: 'Studio' });
    expect(byOutsider.statusCode).toBe(403);
    const blankTopic = await marketer.request('PUT', `${base}/library/${plainPostId}`, { topic: '   ' });
    expect(blankTopic.statusCode).toBe(400);
  });

  it('should list the library for an employee by topic, newest first; not for outsiders', async () => {
    const all = (await emma.get(`${base}/library`)).json();
    expect(all.items.map((i: { post: { id: string } }) => i.post.id)).toEqual([plainPostId, dealId]);
    expect(all.topics).toEqual([
      { topic: 'Launches', posts: 1 },
      { topic: 'Studio', posts: 1 },
    ]);
    const launches = (await emma.get(`${base}/library?topic=Launches`)).json();
    expect(launches.items).toHaveLength(1);
    expect(launches.items[0]).toMatchObject({
      caption: 'Our teapots are back #employee',
      shares: 0,
      myShare: null,
    });
    expect((await outsider.get(`${base}/library`)).statusCode).toBe(403);
  });
});

describe('staff shares', () => {
  it('should refuse a post not in the library, a non-member and a reshare with text', async () => {
    const stray = await emma.post(`${base}/library/${otherBrandPostId}/shares`, { mode: 'reshare' });
    expect(stray.statusCode).toBe(404);
    expect(stray.json().code).toBe('not_in_library');
    const byCustomer = await customer.post(`${base}/library/${dealId}/shares`, { mode: 'reshare' });
    expect(byCustomer.statusCode).toBe(403);
    const withText = await emma.post(`${base}/library/${dealId}/shares`, { mode: 'reshare', text: 'hi' });
    expect(withText.statusCode).toBe(422);
    expect(withText.json().code).toBe('share_text_required');
  });

  it('should hold a quote without disclosure to the policy, even when it does not name the brand', async () => {
    const lint = await eli.post('/api/v1/orgs/advco/policy/lint', {
      text: 'Love these teapots',
      channel: 'employee_post',
      aboutBrand: true,
    });
    expect(lint.json()).toMatchObject({ applies: true, blocked: true });
    const refused = await eli.post(`${base}/library/${dealId}/shares`, {
      mode: 'quote',
      text: 'Love these teapots',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('policy_blocked');
    const ok = await eli.post(`${base}/library/${dealId}/shares`, {
      mode: 'quote',
      text: 'Love these teapots #employee',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'quote', libraryPostId: dealId });
  });

  it('should reshare once from the library and record the reach', async () => {
    const res = await emma.post(`${base}/library/${dealId}/shares`, { mode: 'reshare' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'reshare', followersReached: 1 });
    const twice = await emma.post(`${base}/library/${dealId}/shares`, { mode: 'reshare' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_shared');
    const item = (await emma.get(`${base}/library?topic=Launches`)).json().items[0];
    expect(item.shares).toBe(2);
    expect(item.myShare).toMatchObject({ kind: 'reshare', postId: res.json().postId });
  });

  it('should attribute an order through the share to the employee, with points, once', async () => {
    const share = (await emma.get(`${base}/library?topic=Launches`)).json().items[0].myShare;
    const order = await buy(customer, share.postId);
    await customer.post(`/api/v1/posts/${share.postId}/reshare`); // engagement through the share
    await t.drain();

    const board = (await owner.get(`${base}/leaderboard?sort=revenue`)).json();
    expect(board.items[0]).toMatchObject({
      rank: 1,
      person: { handle: 'adv_emma' },
      shares: 1,
      reach: 1,
      orders: 1,
      revenue: [{ currency: 'EUR', amountMinor: order.totalMinor }],
      points: 30,
    });
    expect(board.items[0].engagement.reshares).toBe(1);
    expect(board.items[1]).toMatchObject({ person: { handle: 'adv_eli' }, orders: 0, points: 5 });

    // A redelivered sale event adds nothing.
    const handler = t.events.handlerFor('governance.staff_sale', 'advocates.staff-points');
    expect(handler).toBeDefined();
    const shares = (await owner.get(`${base}/shares?ledToSales=true`)).json();
    expect(shares.items).toHaveLength(1);
    expect(shares.items[0]).toMatchObject({
      employee: { handle: 'adv_emma' },
      orders: [{ orderId: order.id, netMinor: order.totalMinor, currency: 'EUR' }],
    });
    const payload = {
      shareId: shares.items[0].id,
      orgId,
      employeeId: board.items[0].person.id,
      orderId: order.id,
      totalMinor: order.totalMinor,
      currency: 'EUR',
    };
    await t.handle.db.transaction().execute((trx) =>
      handler!(
        {
          id: 999_999,
          type: 'governance.staff_sale',
          aggregateId: payload.shareId,
          payload,
          createdAt: new Date(),
        },
        { trx, afterCommit: () => {} },
      ),
    );
    const again = (await emma.get(`${base}/leaderboard`)).json();
    expect(again.me).toMatchObject({ rank: 1, points: 30, revenue: [{ amountMinor: order.totalMinor }] });
    // One sale is credited once: the reshare bonus the same employee earned is part of the staff sale, not on top.
    const ledger = await t.handle.db
      .selectFrom('contribution_ledger')
      .select((eb) => eb.fn.sum<string>('points').as('points'))
      .where('org_id', '=', orgId)
      .where('account_id', '=', payload.employeeId)
      .executeTakeFirstOrThrow();
    expect(Number(ledger.points)).toBe(30);
    // An employee sees their own revenue, not their colleagues'.
    expect((await eli.get(`${base}/leaderboard`)).json().items[0].revenue).toBeNull();
    expect((await eli.get(`${base}/leaderboard?sort=revenue`)).statusCode).toBe(403);
    expect((await eli.get(`${base}/shares`)).statusCode).toBe(403);
  });

  it('should not credit a sale that did not come through a staff share', async () => {
    await buy(customer, dealId);
    const board = (await owner.get(`${base}/leaderboard`)).json();
    expect(
      board.items.find((i: { person: { handle: string } }) => i.person.handle === 'adv_emma').orders,
    ).toBe(1);
  });

  it('should refuse a period that ends before it starts', async () => {
    const res = await owner.get(`${base}/leaderboard?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_period');
  });
});
