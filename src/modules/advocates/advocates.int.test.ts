import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { TEST_CARDS } from '../commerce/index.ts';

let t: TestContext;
let owner: TestClient;
let sharer: TestClient;
let star: TestClient;
let crowd: TestClient[];

const address = { name: 'Ada Fan', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

type Advocate = {
  account: { handle: string };
  score: number;
  reach: number;
  valueFactor: number;
  referralConversion: number;
  referralsConverted: number;
  reshareSalesMinor: number;
  lifetimeValueMinor: number;
  community: number;
  customer: boolean;
  follower: boolean;
};

function buy(client: TestClient, body: Record<string, unknown>) {
  return client.request(
    'POST',
    '/api/v1/orders',
    { shippingAddress: address, card: { number: TEST_CARDS.succeeds }, ...body },
    { 'idempotency-key': randomUUID() },
  );
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('ottilie');
  await t.brand(owner, 'amplico', { verified: true });
  sharer = await t.signup('sharon');
  star = await t.signup('stella');
  // Stella is followed by many; everyone follows the brand.
  crowd = await Promise.all(Array.from({ length: 6 }, (_, i) => t.signup(`crowd${i}`)));
  for (const c of [sharer, star, ...crowd])
    expect((await c.post('/api/v1/accounts/amplico/follow')).statusCode).toBe(200);
  for (const c of [sharer, ...crowd]) await c.post('/api/v1/accounts/stella/follow');
  const product = (
    await owner.post('/api/v1/orgs/amplico/products', {
      title: 'Speaker',
      currency: 'EUR',
      priceMinor: 10_000,
      variants: [{ sku: 'SP-1', stock: 100 }],
    })
  ).json();
  const card = (
    await owner.post('/api/v1/orgs/amplico/deals', {
      text: 'Speakers, this week',
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      type: 'percent_off',
      percentOff: 10,
      items: [{ productId: product.id }],
      audience: 'everyone',
    })
  ).json();
  const reshare = (await sharer.post(`/api/v1/posts/${card.id}/reshare`)).json();
  const items = [{ variantId: product.variants[0].id, quantity: 1 }];
  const viaReshare = await buy(crowd[0], { dealId: card.id, items, source: { postId: reshare.id } });
  expect(viaReshare.statusCode, viaReshare.body).toBe(201);
  const viaRef = await buy(crowd[1], { dealId: card.id, items, source: { ref: 'sharon' } });
  expect(viaRef.statusCode, viaRef.body).toBe(201);
  expect((await buy(sharer, { dealId: card.id, items })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('advocates', () => {
  it('should queue a run on request, compute it only in the background job, then rank with each factor', async () => {
    const requested = await owner.post('/api/v1/orgs/amplico/advocates/runs');
    expect(requested.statusCode, requested.body).toBe(202);
    expect(requested.json()).toMatchObject({ status: 'queued', trigger: 'request' });
    // A second request joins the queued run.
    const again = await owner.post('/api/v1/orgs/amplico/advocates/runs');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(requested.json().id);
    const before = (await owner.get('/api/v1/orgs/amplico/advocates')).json();
    expect(before.items).toEqual([]);
    expect(before.lastRun.status).toBe('queued');

    expect(await t.modules.advocates.job.runPending()).toBe(1);
    const run = (await owner.get(`/api/v1/orgs/amplico/advocates/runs/${requested.json().id}`)).json();
    expect(run).toMatchObject({ status: 'done', people: 8 });

    const page = (await owner.get('/api/v1/orgs/amplico/advocates?limit=100')).json();
    const items = page.items as Advocate[];
    const by = new Map(items.map((a) => [a.account.handle, a]));
    expect(items).toHaveLength(8);
    expect(page.communities.reduce((s: number, c: { people: number }) => s + c.people, 0)).toBe(8);
    // Ranked by the product of the factors, each shown.
    for (const a of items) expect(a.score).toBeCloseTo(a.reach * a.valueFactor * a.referralConversion, 9);
    for (let i = 1; i < items.length; i++) expect(items[i - 1].score).toBeGreaterThanOrEqual(items[i].score);
    // Stella is followed by everyone else: the widest reach.
    expect(Math.max(...items.map((a) => a.reach))).toBe(by.get('stella')?.reach);
    // Sharon's reshare led to a sale and her link converted a friend; she is a customer herself.
    expect(by.get('sharon')).toMatchObject({ customer: true, follower: true, referralsConverted: 1 });
    expect(by.get('sharon')?.reshareSalesMinor).toBe(9_000);
    expect(by.get('sharon')?.referralConversion).toBeGreaterThan(by.get('stella')?.referralConversion ?? 1);
    expect(by.get('stella')?.lifetimeValueMinor).toBe(0);
    expect(by.get('stella')?.valueFactor).toBe(1);
  });

  it('should save segments and filter by them and by community', async () => {
    const top = await owner.post('/api/v1/orgs/amplico/advocates/segments', { name: 'Top two', topN: 2 });
    expect(top.statusCode, top.body).toBe(201);
    const inTop = (await owner.get(`/api/v1/orgs/amplico/advocates?segmentId=${top.json().id}`)).json();
    expect(inTop.items).toHaveLength(2);
    const all = (await owner.get('/api/v1/orgs/amplico/advocates?limit=2')).json();
    expect(inTop.items.map((a: Advocate) => a.account.handle)).toEqual(
      all.items.map((a: Advocate) => a.account.handle),
    );
    const community = all.items[0].community;
    const inCommunity = (
      await owner.get(`/api/v1/orgs/amplico/advocates?community=${community}&limit=100`)
    ).json();
    expect(inCommunity.items.length).toBeGreaterThan(0);
    for (const a of inCommunity.items) expect(a.community).toBe(community);

    const dup = await owner.post('/api/v1/orgs/amplico/advocates/segments', { name: 'Top two', topN: 3 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('segment_name_taken');
    const empty = await owner.post('/api/v1/orgs/amplico/advocates/segments', { name: 'Nothing' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('segment_without_rule');
    expect((await owner.get('/api/v1/orgs/amplico/advocates/segments')).json().items).toHaveLength(1);
    expect(
      (await owner.request('DELETE', `/api/v1/orgs/amplico/advocates/segments/${top.json().id}`)).statusCode,
    ).toBe(204);
    expect(
      (await owner.request('DELETE', `/api/v1/orgs/amplico/advocates/segments/${top.json().id}`)).statusCode,
    ).toBe(404);
  });

  it('should page through advocates with a cursor, no one twice', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = (await owner.get(`/api/v1/orgs/amplico/advocates?limit=3${q}`)).json();
      seen.push(...res.items.map((a: Advocate) => a.account.handle));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });

  it('should show a brand’s advocates only to its own people', async () => {
    const outsider = await t.signup('oscar');
    await t.brand(outsider, 'otherco');
    expect((await outsider.get('/api/v1/orgs/amplico/advocates')).statusCode).toBe(403);
    expect((await outsider.post('/api/v1/orgs/amplico/advocates/runs')).statusCode).toBe(403);
    expect(
      (await sharer.post('/api/v1/orgs/amplico/advocates/segments', { name: 'x', topN: 1 })).statusCode,
    ).toBe(403);
    const mine = await outsider.post('/api/v1/orgs/otherco/advocates/segments', { name: 'Mine', topN: 1 });
    expect(
      (await owner.request('DELETE', `/api/v1/orgs/amplico/advocates/segments/${mine.json().id}`)).statusCode,
    ).toBe(404);
    const run = (await owner.get('/api/v1/orgs/amplico/advocates/runs')).json().items[0];
    expect((await outsider.get(`/api/v1/orgs/otherco/advocates/runs/${run.id}`)).statusCode).toBe(404);
  });

  it('should queue a scheduled run for every brand not computed within a day', async () => {
    const queued = await t.modules.advocates.job.enqueueScheduled();
    expect(queued).toBe(1); // otherco; amplico ran today
    const runs = (await owner.get('/api/v1/orgs/amplico/advocates/runs')).json().items;
    expect(runs.every((r: { trigger: string }) => r.trigger === 'request')).toBe(true);
  });

  it('should let a deal target a saved segment: its members buy, others and other brands’ segments are refused', async () => {
    const top = (await owner.get('/api/v1/orgs/amplico/advocates?limit=2')).json().items as Advocate[];
    const segment = (
      await owner.post('/api/v1/orgs/amplico/advocates/segments', { name: 'The very top', topN: 1 })
    ).json();
    const product = (
      await owner.post('/api/v1/orgs/amplico/products', {
        title: 'Early speaker',
        currency: 'EUR',
        priceMinor: 5_000,
        variants: [{ sku: 'SP-EARLY', stock: 10 }],
      })
    ).json();
    const deal = (audience: string) =>
      owner.post('/api/v1/orgs/amplico/deals', {
        text: 'For our top advocate',
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
        type: 'percent_off',
        percentOff: 20,
        items: [{ productId: product.id }],
        audience,
      });
    const foreign = await t.signup('fiona');
    await t.brand(foreign, 'foreignco');
    const theirs = (
      await foreign.post('/api/v1/orgs/foreignco/advocates/segments', { name: 'Theirs', topN: 1 })
    ).json();
    const refused = await deal(`segment:${theirs.id}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('audience_segment_not_found');
    expect((await deal('segment:nonsense')).statusCode).toBe(400);
    const card = await deal(`segment:${segment.id}`);
    expect(card.statusCode, card.body).toBe(201);
    expect(card.json().audience).toBe(`segment:${segment.id}`);
    const items = [{ variantId: product.variants[0].id, quantity: 1 }];
    const clients = new Map([sharer, star, ...crowd].map((c) => [c.handle, c]));
    const inside = clients.get(top[0].account.handle);
    const outside = clients.get(top[1].account.handle);
    const yes = await buy(inside!, { dealId: card.json().id, items });
    expect(yes.statusCode, yes.body).toBe(201);
    const no = await buy(outside!, { dealId: card.json().id, items });
    expect(no.statusCode).toBe(403);
    expect(no.json().code).toBe('segment_only');
  });
});
