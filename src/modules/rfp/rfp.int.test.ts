import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { TEST_CARDS } from '../commerce/index.ts';

let t: TestContext;
let consumer: TestClient;
let follower: TestClient;
const brands: Record<string, { owner: TestClient; variantId: string }> = {};

const address = {
  name: 'Ada Buyer',
  line1: '1 Main St',
  city: 'Leeds',
  postalCode: 'LS1 1AA',
  country: 'GB',
};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const award = (client: TestClient, pitchId: string, key: string, card: string = TEST_CARDS.succeeds) =>
  client.request(
    'POST',
    `/api/v1/pitches/${pitchId}/award`,
    { shippingAddress: address, card: { number: card } },
    {
      'idempotency-key': key,
    },
  );

async function ask(names: string[], title = 'Quote for a family e-bike') {
  const res = await consumer.post('/api/v1/rfps', {
    title,
    details: 'Two kids, hilly town',
    budgetMinor: 250_000,
    currency: 'EUR',
    deadline: inDays(7),
    location: 'Leeds',
    brands: names,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; state: string; brands: { handle: string }[] };
}

async function pitch(brand: string, requestId: string, unitPriceMinor: number, quantity = 1) {
  const res = await brands[brand].owner.post(`/api/v1/rfps/${requestId}/pitches`, {
    brand,
    title: `${brand} cargo bike`,
    terms: 'Delivered in 5 days, 2-year warranty',
    message: 'Happy to help',
    items: [{ variantId: brands[brand].variantId, quantity, unitPriceMinor }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; totalMinor: number };
}

beforeAll(async () => {
  t = await createTestApp();
  consumer = await t.signup('rfpasker');
  follower = await t.signup('rfpfollower');
  expect((await follower.post('/api/v1/accounts/rfpasker/follow')).statusCode).toBeLessThan(300);
  for (const [name, floor] of [
    ['bikesone', null],
    ['bikestwo', 180_000],
    ['bikesthree', null],
  ] as const) {
    const owner = await t.signup(`${name}boss`);
    await t.brand(owner, name, { verified: true });
    const res = await owner.post(`/api/v1/orgs/${name}/products`, {
      title: `${name} cargo`,
      currency: 'EUR',
      priceMinor: 260_000,
      ...(floor ? { resellerFloorMinor: floor } : {}),
      variants: [{ sku: `${name}-1`, stock: 5 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    brands[name] = { owner, variantId: res.json().variants[0].id };
  }
});
afterAll(() => t.close());

describe('requests for proposals', () => {
  it('should post a request as a post of kind rfp in followers’ timelines and on each asked brand’s queue', async () => {
    const request = await ask(['bikesone', '@BikesTwo']);
    expect(request.state).toBe('open');
    expect(request.brands.map((b) => b.handle).sort()).toEqual(['bikesone', 'bikestwo']);
    await t.drain();
    const home = (await follower.get('/api/v1/timelines/home')).json();
    const post = home.items.find((p: { id: string }) => p.id === request.id);
    expect(post?.kind).toBe('rfp');
    const queue = (await brands.bikesone.owner.get('/api/v1/orgs/bikesone/rfp-queue')).json();
    expect(queue.items.map((i: { request: { id: string } }) => i.request.id)).toContain(request.id);
    const other = (await brands.bikesthree.owner.get('/api/v1/orgs/bikesthree/rfp-queue')).json();
    expect(other.items.map((i: { request: { id: string } }) => i.request.id)).not.toContain(request.id);
    expect((await consumer.get('/api/v1/orgs/bikesone/rfp-queue')).json().code).toBe('not_brand_member');
  });

  it('should refuse unknown brands, a past deadline and odd input with a code', async () => {
    const unknown = await consumer.post('/api/v1/rfps', {
      title: 'Anything',
      budgetMinor: 100,
      currency: 'EUR',
      deadline: inDays(2),
      brands: ['nosuchbrand'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('unknown_brand');
    const person = await consumer.post('/api/v1/rfps', {
      title: 'Anything',
      budgetMinor: 100,
      currency: 'EUR',
      deadline: inDays(2),
      brands: ['rfpfollower'],
    });
    expect(person.json().code).toBe('unknown_brand');
    const past = await consumer.post('/api/v1/rfps', {
      title: 'Anything',
      budgetMinor: 100,
      currency: 'EUR',
      deadline: inDays(-1),
      brands: ['bikesone'],
    });
    expect(past.json().code).toBe('deadline_in_past');
    const huge = await consumer.post('/api/v1/rfps', {
      title: 'Anything\u0000',
      budgetMinor: 1e15,
      currency: 'EUR',
      deadline: inDays(2),
      brands: ['bikesone'],
    });
    expect(huge.statusCode).toBe(400);
    expect((await t.anonymous.get('/api/v1/rfps/not-an-id')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/v1/rfps/00000000-0000-4000-8000-000000000000')).json().code).toBe(
      'request_not_found',
    );
  });

  it('should show every pitch side by side, keep one active pitch per brand and refuse brands not asked', async () => {
    const request = await ask(['bikesone', 'bikestwo']);
    const one = await pitch('bikesone', request.id, 240_000);
    expect(one.totalMinor).toBe(240_000);
    const again = await brands.bikesone.owner.post(`/api/v1/rfps/${request.id}/pitches`, {
      brand: 'bikesone',
      title: 'Second try',
      terms: '',
      message: '',
      items: [{ variantId: brands.bikesone.variantId, quantity: 1, unitPriceMinor: 230_000 }],
    });
    expect(again.json().code).toBe('already_pitched');
    const notAsked = await brands.bikesthree.owner.post(`/api/v1/rfps/${request.id}/pitches`, {
      brand: 'bikesthree',
      title: 'Let me in',
      terms: '',
      message: '',
      items: [{ variantId: brands.bikesthree.variantId, quantity: 1, unitPriceMinor: 100_000 }],
    });
    expect(notAsked.statusCode).toBe(403);
    expect(notAsked.json().code).toBe('not_asked');
    const belowFloor = await brands.bikestwo.owner.post(`/api/v1/rfps/${request.id}/pitches`, {
      brand: 'bikestwo',
      title: 'Too cheap',
      terms: '',
      message: '',
      items: [{ variantId: brands.bikestwo.variantId, quantity: 1, unitPriceMinor: 100_000 }],
    });
    expect(belowFloor.json().code).toBe('channel_guard');
    const otherCatalog = await brands.bikestwo.owner.post(`/api/v1/rfps/${request.id}/pitches`, {
      brand: 'bikestwo',
      title: 'Not mine',
      terms: '',
      message: '',
      items: [{ variantId: brands.bikesone.variantId, quantity: 1, unitPriceMinor: 200_000 }],
    });
    expect(otherCatalog.json().code).toBe('invalid_quote');
    await pitch('bikestwo', request.id, 200_000);
    const edited = await brands.bikesone.owner.request('PATCH', `/api/v1/pitches/${one.id}`, {
      items: [{ variantId: brands.bikesone.variantId, quantity: 1, unitPriceMinor: 199_000 }],
    });
    expect(edited.json().totalMinor).toBe(199_000);
    const page = (await t.anonymous.get(`/api/v1/rfps/${request.id}`)).json();
    expect(
      page.pitches.map((p: { brand: { handle: string }; totalMinor: number }) => [
        p.brand.handle,
        p.totalMinor,
      ]),
    ).toEqual([
      ['bikesone', 199_000],
      ['bikestwo', 200_000],
    ]);
    expect(page.request.pitchCount).toBe(2);
  });

  it('should shortlist, decline with a reason, and award exactly one order at the quoted price under 64 concurrent awards', async () => {
    const request = await ask(['bikesone', 'bikestwo', 'bikesthree']);
    const one = await pitch('bikesone', request.id, 210_000);
    const two = await pitch('bikestwo', request.id, 205_000);
    const three = await pitch('bikesthree', request.id, 220_000);
    expect(
      (await consumer.post(`/api/v1/pitches/${one.id}/shortlist`, { shortlisted: true })).json().shortlisted,
    ).toBe(true);
    const declined = await consumer.post(`/api/v1/pitches/${three.id}/decline`, { reason: 'Too far away' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Too far away' });
    expect(
      (await brands.bikesone.owner.post(`/api/v1/pitches/${one.id}/shortlist`, { shortlisted: true })).json()
        .code,
    ).toBe('not_requester');
    const declinedCard = await award(consumer, one.id, 'declined-card-1', TEST_CARDS.declined);
    expect(declinedCard.statusCode).toBe(402);
    expect((await t.anonymous.get(`/api/v1/rfps/${request.id}`)).json().request.state).toBe('open');

    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => award(consumer, i % 2 ? one.id : two.id, `award-key-${i}`)),
    );
    const won = results.filter((r) => r.statusCode === 201);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.statusCode !== 201).every((r) => r.statusCode === 409)).toBe(true);
    const { orderId, pitchId } = won[0].json();
    const order = (await consumer.get(`/api/v1/orders/${orderId}`)).json();
    const expected = pitchId === one.id ? 210_000 : 205_000;
    expect(order.totalMinor).toBe(expected);
    const mine = (await consumer.get('/api/v1/me/orders')).json();
    expect(
      mine.items.filter((o: { org: { handle: string } }) => ['bikesone', 'bikestwo'].includes(o.org.handle)),
    ).toHaveLength(1);

    const winnerKey = results.indexOf(won[0]);
    const replay = await award(consumer, pitchId, `award-key-${winnerKey}`);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().orderId).toBe(orderId);

    const page = (await t.anonymous.get(`/api/v1/rfps/${request.id}`)).json();
    expect(page.request.state).toBe('awarded');
    expect(page.pitches.find((p: { id: string }) => p.id === pitchId).status).toBe('won');
    expect(page.pitches.filter((p: { status: string }) => p.status === 'lost')).toHaveLength(2);
    const late = await brands.bikesone.owner.request('PATCH', `/api/v1/pitches/${one.id}`, {
      title: 'Too late now',
    });
    expect(late.json().code).toBe('request_closed');
    await t.drain();
    const loser = pitchId === one.id ? 'bikestwo' : 'bikesone';
    const notes = (await brands[loser].owner.get(`/api/v1/notifications?as=${loser}`)).json();
    expect(notes.items.some((n: { kind: string }) => n.kind === 'rfp_lost')).toBe(true);

    const report = (
      await brands[pitchId === one.id ? 'bikesone' : 'bikestwo'].owner.get(
        `/api/v1/orgs/${pitchId === one.id ? 'bikesone' : 'bikestwo'}/rfp-report`,
      )
    ).json();
    expect(report.won).toBeGreaterThanOrEqual(1);
    expect(report.revenue).toContainEqual({ currency: 'EUR', totalMinor: expected });
    expect(report.rivals.map((r: { brand: { handle: string } }) => r.brand.handle)).toContain(loser);
  });

  it('should refuse pitches on a withdrawn request and awards by anyone but the requester', async () => {
    const request = await ask(['bikesone']);
    const one = await pitch('bikesone', request.id, 215_000);
    expect((await award(follower, one.id, 'not-mine-key')).json().code).toBe('not_requester');
    expect((await consumer.post(`/api/v1/rfps/${request.id}/withdraw`)).json().state).toBe('withdrawn');
    const late = await brands.bikesone.owner.post(`/api/v1/pitches/${one.id}/withdraw`);
    expect(late.json().code).toBe('request_closed');
    expect((await award(consumer, one.id, 'withdrawn-key')).json().code).toBe('request_closed');
    const queue = (await brands.bikesone.owner.get('/api/v1/orgs/bikesone/rfp-queue')).json();
    expect(queue.items.map((i: { request: { id: string } }) => i.request.id)).not.toContain(request.id);
  });

  it('should limit how many requests one person posts a day', async () => {
    const spammer = await t.signup('rfpspammer');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await spammer.post('/api/v1/rfps', {
        title: `Spam ${i}`,
        budgetMinor: 100,
        currency: 'EUR',
        deadline: inDays(2),
        brands: ['bikesone'],
      });
      statuses.push(res.statusCode);
      if (i === 10) expect(res.json().code).toBe('request_limit');
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses[10]).toBe(429);
  });
});
