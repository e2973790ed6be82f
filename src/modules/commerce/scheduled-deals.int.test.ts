import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
let owner: TestClient;
let marketer: TestClient;
let fan: TestClient;
let productId: string;

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('sd_owner');
  marketer = await t.signup('sd_marketer');
  fan = await t.signup('sd_fan');
  await t.brand(owner, 'springco', { verified: true });
  const inv = await owner.post('/api/v1/orgs/springco/invitations', {
    handle: 'sd_marketer',
    role: 'marketer',
  });
  await marketer.post(`/api/v1/invitations/${inv.json().id}/accept`);
  await fan.post('/api/v1/accounts/springco/follow');
  const product = await owner.post('/api/v1/orgs/springco/products', {
    title: 'Umbrella',
    currency: 'EUR',
    priceMinor: 3_000,
    variants: [{ sku: 'U-1', stock: 10 }],
  });
  productId = product.json().id;
});
afterAll(() => t.close());

function publish(text: string, startsInMs: number, extra: Record<string, unknown> = {}) {
  return owner.post('/api/v1/orgs/springco/deals', {
    text,
    type: 'percent_off',
    percentOff: 20,
    items: [{ productId }],
    audience: 'everyone',
    startsAt: later(startsInMs),
    endsAt: later(startsInMs + 3600_000),
    ...extra,
  });
}

/** Everything a non-member could use to learn of a deal: its card, the brand's deals, its post, search, timeline. */
async function seenBy(who: Pick<TestClient, 'get'>, dealId: string, word: string) {
  const card = await who.get(`/api/v1/deals/${dealId}`);
  const list = (await who.get('/api/v1/orgs/springco/deals')).json().items.map((d: { id: string }) => d.id);
  const cards = (await who.get(`/api/v1/deals?ids=${dealId}`)).json().items;
  const post = await who.get(`/api/v1/posts/${dealId}`);
  const profile = (await who.get('/api/v1/accounts/springco/posts'))
    .json()
    .items.map((p: { id: string }) => p.id);
  const search = (await who.get(`/api/v1/search/posts?q=${word}`))
    .json()
    .items.map((p: { id: string }) => p.id);
  return {
    card: card.statusCode === 200 ? card.json().text : card.statusCode,
    listed: list.includes(dealId) || cards.length > 0,
    post: post.statusCode,
    profile: profile.includes(dealId),
    search: search.includes(dealId),
  };
}

describe('scheduled deals', () => {
  it("should hide a deal that has not started from everyone but the brand's members, text included", async () => {
    const res = await publish('Secret monsoon sale', 3600_000);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    await t.drain();
    for (const who of [t.anonymous, fan]) {
      expect(await seenBy(who, id, 'monsoon')).toEqual({
        card: 404,
        listed: false,
        post: 404,
        profile: false,
        search: false,
      });
    }
    const home = (await fan.get('/api/v1/timelines/home')).json().items.map((p: { id: string }) => p.id);
    expect(home).not.toContain(id);
    for (const who of [owner, marketer]) {
      const seen = await seenBy(who, id, 'monsoon');
      expect(seen).toMatchObject({ card: 'Secret monsoon sale', listed: true, post: 200 });
    }
  });

  it('should show a deal the brand chose to announce early to everyone', async () => {
    const res = await publish('Announced drizzle deal', 3600_000, { announceEarly: true });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    await t.drain();
    const seen = await seenBy(t.anonymous, id, 'drizzle');
    expect(seen).toEqual({
      card: 'Announced drizzle deal',
      listed: true,
      post: 200,
      profile: true,
      search: true,
    });
    expect(res.json().status).toBe('scheduled');
  });

  it('should bring a hidden deal to timelines and search when it starts', async () => {
    const res = await publish('Sudden thunder offer', 1500);
    const id = res.json().id;
    await t.drain();
    expect((await t.anonymous.get(`/api/v1/deals/${id}`)).statusCode).toBe(404);
    await new Promise((r) => setTimeout(r, 1700));
    const seen = await seenBy(t.anonymous, id, 'thunder');
    expect(seen).toEqual({
      card: 'Sudden thunder offer',
      listed: true,
      post: 200,
      profile: true,
      search: true,
    });
    const home = (await fan.get('/api/v1/timelines/home')).json().items.map((p: { id: string }) => p.id);
    expect(home).toContain(id);
  });
});
