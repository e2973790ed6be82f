import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

// Who to follow and @-autocomplete: ana follows ben, cleo and the brand bramble; ben follows dan and the verified
// brand brook; cleo follows dan and bramble; eve follows brook, frank and ana's own brand; dan follows frank.
let t: TestContext;
let ana: TestClient;
let zed: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  ana = await t.signup('ana');
  const ben = await t.signup('ben');
  const cleo = await t.signup('cleo');
  const dan = await t.signup('dan');
  const eve = await t.signup('eve');
  await t.signup('frank');
  await t.signup('brad');
  zed = await t.signup('zed');
  await t.brand(ben, 'brook', { verified: true });
  await t.brand(cleo, 'bramble');
  await t.brand(ana, 'anabrand');
  const follow = async (who: TestClient, handles: string[]) => {
    for (const h of handles)
      expect((await who.post(`/api/v1/accounts/${h}/follow`, {})).statusCode).toBe(200);
  };
  await follow(ana, ['ben', 'cleo', 'bramble']);
  await follow(ben, ['dan', 'brook']);
  await follow(cleo, ['dan', 'bramble']);
  await follow(eve, ['brook', 'frank', 'anabrand']);
  await follow(dan, ['frank']);
});
afterAll(() => t.close());

const handles = (res: { json(): { items: { handle: string }[] } }) => res.json().items.map((a) => a.handle);

describe('GET /me/suggestions', () => {
  it('should rank friends of friends by how many you follow follow them, then the most followed', async () => {
    const res = await ana.get('/api/v1/me/suggestions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      account: { handle: string; kind: string; verified: boolean };
      reason: string;
      mutualCount: number;
      followersCount: number;
    }[];
    expect(items.map((s) => s.account.handle)).toEqual(['dan', 'brook', 'frank']);
    expect(items[0]).toMatchObject({
      reason: 'followed_by_people_you_follow',
      mutualCount: 2,
      followersCount: 2,
    });
    expect(items[1]).toMatchObject({ account: { kind: 'brand', verified: true }, mutualCount: 1 });
    expect(items[2]).toMatchObject({ reason: 'popular', mutualCount: 0, followersCount: 2 });
  });

  it('should never suggest yourself, your own organizations or whom you already follow', async () => {
    const res = await ana.get('/api/v1/me/suggestions?limit=50');
    const got = res.json().items.map((s: { account: { handle: string } }) => s.account.handle);
    for (const h of ['ana', 'anabrand', 'ben', 'cleo', 'bramble']) expect(got).not.toContain(h);
  });

  it('should give a new user the most followed accounts, most followers first, and honour the limit', async () => {
    const res = await zed.get('/api/v1/me/suggestions?limit=3');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      account: { handle: string };
      followersCount: number;
      reason: string;
    }[];
    expect(items).toHaveLength(3);
    expect(items.every((s) => s.reason === 'popular')).toBe(true);
    const counts = items.map((s) => s.followersCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(2);
    expect(items.map((s) => s.account.handle)).not.toContain('zed');
    expect((await ana.get('/api/v1/me/suggestions?limit=1')).json().items).toHaveLength(1);
  });

  it('should drop an account from the suggestions once followed', async () => {
    expect((await zed.post('/api/v1/accounts/dan/follow', {})).statusCode).toBe(200);
    const got = (await zed.get('/api/v1/me/suggestions?limit=50')).json().items;
    expect(got.map((s: { account: { handle: string } }) => s.account.handle)).not.toContain('dan');
    // dan follows frank: frank is now a friend of a friend, first.
    expect(got[0]).toMatchObject({ account: { handle: 'frank' }, mutualCount: 1 });
  });

  it('should answer bad input with 400 and strangers with 401', async () => {
    for (const q of ['limit=0', 'limit=51', 'limit=abc', 'limit=1.5', 'colour=red']) {
      const res = await ana.get(`/api/v1/me/suggestions?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await t.anonymous.get('/api/v1/me/suggestions')).statusCode).toBe(401);
  });
});

describe('GET /search/accounts?mode=prefix', () => {
  it('should list accounts the caller follows first, then others, in handle order', async () => {
    const res = await ana.get('/api/v1/search/accounts?mode=prefix&q=br');
    expect(res.statusCode).toBe(200);
    expect(handles(res)).toEqual(['bramble', 'brad', 'brook']);
    expect(res.json().items[2]).toMatchObject({ kind: 'brand', verified: true });
    expect(handles(await t.anonymous.get('/api/v1/search/accounts?mode=prefix&q=br'))).toEqual([
      'brad',
      'bramble',
      'brook',
    ]);
  });

  it('should match the handle prefix only, ignoring case and a leading @, and honour the limit', async () => {
    expect(handles(await ana.get('/api/v1/search/accounts?mode=prefix&q=%40BRO'))).toEqual(['brook']);
    expect(handles(await ana.get('/api/v1/search/accounts?mode=prefix&q=br&limit=2'))).toEqual([
      'bramble',
      'brad',
    ]);
    // "Inc" is in brand names, never in handles.
    expect(handles(await ana.get('/api/v1/search/accounts?mode=prefix&q=inc'))).toEqual([]);
    // LIKE wildcards are text, not patterns.
    expect(handles(await ana.get('/api/v1/search/accounts?mode=prefix&q=%25'))).toEqual([]);
    expect(handles(await ana.get('/api/v1/search/accounts?mode=prefix&q=b_'))).toEqual([]);
  });

  it('should answer bad input with 400', async () => {
    for (const q of [
      'mode=prefix',
      'mode=fuzzy&q=br',
      'mode=prefix&q=br&limit=21',
      'mode=prefix&q=br&limit=0',
    ]) {
      expect((await ana.get(`/api/v1/search/accounts?${q}`)).statusCode, q).toBe(400);
    }
  });
});
