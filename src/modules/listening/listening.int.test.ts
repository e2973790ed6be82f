import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

// Listening: imports stored once with a per-line report, native Souk mentions, topics with their query
// language, a topic's page and the drill-down behind it, and threads rebuilt from reply links.
let t: TestContext;
let owner: TestClient;
let other: TestClient;
let fan: TestClient;
const base = '/api/v1/orgs/acme/listening';

const TWCS = `tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
101,ann,True,Mon Nov 30 10:00:00 +0000 2026,@acme my parcel is late again #AcmeFail,102,
102,acmecare,False,Mon Nov 30 10:05:00 +0000 2026,@ann sorry! We are on it,103,101
103,ann,True,Mon Nov 30 10:10:00 +0000 2026,@acmecare thanks it arrived,,102
104,bob,True,Mon Nov 30 11:00:00 +0000 2026,Rivalco shoes are great,,
105,cy,True,broken date,@acme hello,,
106,dee,True,Tue Dec 01 09:00:00 +0000 2026,Rivalco delivery late too #AcmeFail,,
`;

const upload = (client: TestClient, body: string, query: string) =>
  client.request('POST', `${base}/imports?${query}`, body, { 'content-type': 'text/csv' });

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('acme_owner');
  other = await t.signup('rival_owner');
  fan = await t.signup('fan_one');
  await t.brand(owner, 'acme');
  await t.brand(other, 'rivalco');
});
afterAll(() => t.close());

describe('listening', () => {
  it('imports a twcs file once, reporting its bad line, and stores nothing twice on a re-run', async () => {
    const first = await upload(owner, TWCS, 'format=twcs&fileName=support.csv');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'done',
      imported: 5,
      duplicates: 0,
      errorCount: 1,
      errors: [{ line: 6, reason: 'unreadable date "broken date"' }],
      fileName: 'support.csv',
    });
    const again = await upload(owner, TWCS, 'format=twcs');
    expect(again.json()).toMatchObject({ imported: 0, duplicates: 5, errorCount: 1 });
    const report = await owner.get(`${base}/imports/${first.json().id}`);
    expect(report.json().imported).toBe(5);
    const page = (await owner.get(`${base}/mentions?limit=10`)).json();
    expect(page.items).toHaveLength(5);
    expect(page.items[0]).toMatchObject({ externalId: '106', source: 'twitter', hashtags: ['acmefail'] });
  });

  it('refuses a file it cannot read with a 4xx naming the problem', async () => {
    const noColumns = await upload(owner, 'id,body\n1,x\n', 'format=twcs');
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json()).toMatchObject({ code: 'unreadable_file' });
    expect(noColumns.json().detail).toMatch(/no column "tweet_id"/);
    const noMapping = await upload(owner, 'a,b\n', 'format=csv');
    expect(noMapping.json()).toMatchObject({ code: 'missing_mapping' });
    const badMapping = await upload(
      owner,
      'a,b\n',
      `format=csv&mapping=${encodeURIComponent('{"id":"a","colour":"b"}')}`,
    );
    expect(badMapping.statusCode).toBe(400);
    const latin1 = Buffer.concat([
      Buffer.from(
        'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n1,x,True,2026-11-01,caf',
      ),
      Buffer.from([0xe9]),
      Buffer.from(',,\n'),
    ]);
    const res = await owner.request('POST', `${base}/imports?format=twcs`, latin1, {
      'content-type': 'application/octet-stream',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/not UTF-8/);
    const outsider = await upload(other, TWCS, 'format=twcs');
    expect(outsider.statusCode).toBe(403);
  });

  it('stores any text exactly as written: quotes, backslashes, braces, commas, NULL and emoji', async () => {
    const texts = [
      'She said "it\'s {broken}, \\ really" #Café #ü_2',
      'NULL',
      '{}',
      'a,b} {c "d" \\\\ e 🎉 @rivalco',
    ];
    const csv = [
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
      ...texts.map(
        (text, i) => `${900 + i},weird,True,2026-11-0${i + 1}T10:00:00Z,"${text.replace(/"/g, '""')}",,`,
      ),
    ].join('\n');
    await t.brand(fan, 'fanworks');
    const res = await fan.request('POST', '/api/v1/orgs/fanworks/listening/imports?format=twcs', csv, {
      'content-type': 'text/csv',
    });
    expect(res.json()).toMatchObject({ imported: 4, errorCount: 0 });
    const items = (await fan.get('/api/v1/orgs/fanworks/listening/mentions?limit=10')).json().items;
    const byId = new Map(items.map((m: { externalId: string }) => [m.externalId, m]));
    texts.forEach((text, i) => {
      expect(byId.get(String(900 + i))).toMatchObject({ text });
    });
    expect(byId.get('900')).toMatchObject({ hashtags: ['café', 'ü_2'] });
  });

  it('rebuilds a thread from reply links', async () => {
    const page = (await owner.get(`${base}/mentions?limit=10`)).json();
    const reply = page.items.find((m: { externalId: string }) => m.externalId === '103');
    const thread = (await owner.get(`${base}/mentions/${reply.id}/thread`)).json();
    expect(thread.items.map((m: { externalId: string; depth: number }) => [m.externalId, m.depth])).toEqual([
      ['101', 0],
      ['102', 1],
      ['103', 2],
    ]);
  });

  it('stores public Souk posts that mention the brand as mentions, and not private ones', async () => {
    await fan.post('/api/v1/posts', { text: '@acme the new boots are lovely #AcmeLove' });
    await fan.post('/api/v1/posts', { text: '@acme psst', visibility: 'followers' });
    await t.drain();
    const souk = (await owner.get(`${base}/mentions?q=source:souk`)).json();
    expect(souk.items).toHaveLength(1);
    expect(souk.items[0]).toMatchObject({
      source: 'souk',
      author: { handle: 'fan_one' },
      hashtags: ['acmelove'],
    });
    expect(souk.items[0].postId).toBeTruthy();
    // the handles it names are searchable like an imported mention's
    const named = (await owner.get(`${base}/mentions?q=${encodeURIComponent('@acme source:souk')}`)).json();
    expect(named.items).toHaveLength(1);
    expect((await other.get('/api/v1/orgs/rivalco/listening/mentions')).json().items).toHaveLength(0);
  });

  it('keeps topics with a query language whose errors name the position, and charts a topic', async () => {
    const bad = await owner.post(`${base}/topics`, { name: 'Acme', kind: 'brand', query: 'acme AND (late' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_query' });
    expect(bad.json().errors[0]).toMatchObject({
      field: 'query',
      message: expect.stringMatching(/position 15: expected "\)"/),
    });
    const unknown = await owner.post(`${base}/topics`, { name: 'Acme', kind: 'brand', query: 'colour:red' });
    expect(unknown.json().errors[0].message).toMatch(/known field/);
    const acme = (
      await owner.post(`${base}/topics`, { name: 'Acme', kind: 'brand', query: 'acme OR @acme OR #acmefail' })
    ).json();
    const rival = (
      await owner.post(`${base}/topics`, { name: 'Rivalco', kind: 'competitor', query: 'rivalco' })
    ).json();
    const dup = await owner.post(`${base}/topics`, { name: 'Rivalco', kind: 'competitor', query: 'x' });
    expect(dup.statusCode).toBe(409);
    const summary = await owner.get(
      `${base}/topics/${acme.id}/summary?from=2026-11-01T00:00:00Z&to=2026-12-31T00:00:00Z`,
    );
    expect(summary.statusCode, summary.body).toBe(200);
    const s = summary.json();
    // 101 (@acme), 106 (#acmefail), the Souk post; 102/103 mention @acmecare, 104 is Rivalco only
    expect(s.count).toBe(3);
    expect(s.shareOfVoice).toEqual([
      { topicId: acme.id, name: 'Acme', count: 3, share: 0.6 },
      { topicId: rival.id, name: 'Rivalco', count: 2, share: 0.4 },
    ]);
    expect(s.series.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(3);
    expect(s.hashtags[0]).toEqual({ key: 'acmefail', count: 2 });
    expect(s.terms.map((x: { key: string }) => x.key)).toContain('late');
    const drill = (await owner.get(`${base}/mentions?topicId=${acme.id}&hashtag=acmefail&limit=1`)).json();
    expect(drill.items).toHaveLength(1);
    const next = (
      await owner.get(
        `${base}/mentions?topicId=${acme.id}&hashtag=acmefail&limit=1&cursor=${drill.nextCursor}`,
      )
    ).json();
    expect(next.items).toHaveLength(1);
    expect(next.items[0].id).not.toBe(drill.items[0].id);
    expect(next.nextCursor).toBeNull();
    const near = (
      await owner.get(`${base}/mentions?q=${encodeURIComponent('parcel NEAR/2 late -rivalco')}`)
    ).json();
    expect(near.items.map((m: { externalId: string }) => m.externalId)).toEqual(['101']);
    const prefix = (
      await owner.get(`${base}/mentions?q=${encodeURIComponent('deliv* AND followers:<10')}`)
    ).json();
    expect(prefix.items).toHaveLength(0);
    // another brand's topic is not found
    const foreign = await other.get(`/api/v1/orgs/rivalco/listening/topics/${acme.id}/summary`);
    expect(foreign.statusCode).toBe(404);
  });
});
