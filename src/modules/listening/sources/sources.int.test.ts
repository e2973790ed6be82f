import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

// Mastodon sources polled through the public REST API, against a local server that answers like an instance:
// recorded statuses in Mastodon's JSON, pages by limit / min_id / max_id with Link headers, rate-limit headers.
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../test/fixtures/mastodon/${name}`, import.meta.url), 'utf8'));

type Status = { id: string; uri: string; [key: string]: unknown };
const instance = {
  timeline: fixture('tag-acme.json') as Status[],
  parent: fixture('status-parent.json') as Status,
  /** The most statuses a page holds, whatever limit is asked for. */
  cap: 40,
  mode: 'ok' as 'ok' | 'rate_limited' | 'garbage' | 'last_request',
  requests: [] as string[],
};
const newer = (a: string, b: string) => BigInt(a) > BigInt(b);

function answer(
  path: string,
  q: URLSearchParams,
  base: string,
): { status: number; body: string; link?: string } {
  const byId = /^\/api\/v1\/statuses\/(\d+)$/.exec(path)?.[1];
  const found = byId && [instance.parent, ...instance.timeline].find((s) => s.id === byId);
  if (found) return { status: 200, body: JSON.stringify(found) };
  if (path !== '/api/v1/timelines/tag/acme') return { status: 404, body: '{"error":"Record not found"}' };
  const limit = Math.min(Number(q.get('limit') ?? 20), 40, instance.cap);
  const all = [...instance.timeline].sort((a, b) => (newer(a.id, b.id) ? -1 : 1));
  const minId = q.get('min_id');
  const maxId = q.get('max_id');
  const page = minId
    ? all.filter((s) => newer(s.id, minId)).slice(-limit)
    : maxId
      ? all.filter((s) => newer(maxId, s.id)).slice(0, limit)
      : all.slice(0, limit);
  const link =
    page.length > 0
      ? `<${base}${path}?limit=${limit}&max_id=${page[page.length - 1].id}>; rel="next", <${base}${path}?limit=${limit}&min_id=${page[0].id}>; rel="prev"`
      : undefined;
  return { status: 200, body: JSON.stringify(page), link };
}

let server: Server;
let origin: string;
let t: TestContext;
let owner: TestClient;
let other: TestClient;
const api = '/api/v1/orgs/acme/listening';
const resetAt = new Date(Date.now() + 10 * 60_000);

function status(id: string, text: string, inReplyTo: string | null = null): Status {
  const base = instance.timeline[instance.timeline.length - 1];
  return {
    ...base,
    id,
    created_at: new Date(Date.UTC(2026, 11, 1, 10, 0, Number(id.slice(-2)))).toISOString(),
    in_reply_to_id: inReplyTo,
    uri: `https://social.example/users/lena/statuses/${id}`,
    url: `https://social.example/@lena/${id}`,
    content: `<p>${text} <a href="https://social.example/tags/acme" class="mention hashtag" rel="tag">#<span>acme</span></a></p>`,
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    instance.requests.push(`${url.pathname}${url.search}`);
    if (instance.mode === 'rate_limited') {
      res.writeHead(429, {
        'content-type': 'application/json',
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': resetAt.toISOString(),
      });
      return res.end('{"error":"Too many requests"}');
    }
    if (instance.mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('[{"id":"113500000000000199","content":"<p>cut o');
    }
    const a = answer(url.pathname, url.searchParams, origin);
    res.writeHead(a.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': instance.mode === 'last_request' ? '0' : '299',
      'x-ratelimit-reset': resetAt.toISOString(),
      ...(a.link ? { link: a.link } : {}),
    });
    res.end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await createTestApp();
  owner = await t.signup('acme_owner');
  other = await t.signup('rival_owner');
  await t.brand(owner, 'acme');
  await t.brand(other, 'rivalco');
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});

const mastodonMentions = async () =>
  (await owner.get(`${api}/mentions?q=${encodeURIComponent('source:mastodon')}&limit=50`)).json().items as {
    externalId: string;
    text: string;
    inReplyTo: string | null;
    author: { handle: string; followers: number | null };
    language: string;
    hashtags: string[];
    reshares: number;
  }[];
const pollNow = async (id: string) => {
  const r = await owner.request('POST', `${api}/sources/${id}/poll`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('Mastodon sources', () => {
  let tag: { id: string };

  it('refuses a source it cannot poll with a 400 naming the field, and one followed twice with a 409', async () => {
    const bad = await owner.post(`${api}/sources`, {
      instanceUrl: 'ftp://x.example',
      kind: 'hashtag',
      target: 'acme',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_source', errors: [{ field: 'instanceUrl' }] });
    const badTag = await owner.post(`${api}/sources`, {
      instanceUrl: origin,
      kind: 'hashtag',
      target: '#a b',
    });
    expect(badTag.json()).toMatchObject({ code: 'invalid_source', errors: [{ field: 'target' }] });
    const added = await owner.post(`${api}/sources`, {
      instanceUrl: `${origin}/`,
      kind: 'hashtag',
      target: '#Acme',
    });
    expect(added.statusCode, added.body).toBe(201);
    tag = added.json();
    expect(tag).toMatchObject({
      instanceUrl: origin,
      target: 'acme',
      enabled: true,
      lastPoll: null,
      cursor: null,
    });
    const twice = await owner.post(`${api}/sources`, {
      instanceUrl: origin,
      kind: 'hashtag',
      target: 'acme',
    });
    expect(twice.statusCode).toBe(409);
    expect((await other.get(`/api/v1/orgs/rivalco/listening/sources/${tag.id}`)).statusCode).toBe(404);
    expect(
      (await other.request('POST', `/api/v1/orgs/acme/listening/sources/${tag.id}/poll`)).statusCode,
    ).toBe(403);
  });

  it('stores the latest page as mentions: text from the HTML, reply links as the parents’ uris', async () => {
    const polled = await pollNow(tag.id);
    expect(polled.lastPoll).toMatchObject({ outcome: 'ok', error: null, stored: 4, skipped: 1 });
    expect(polled.cursor).toBe('113500000000000105');
    expect(polled.totalStored).toBe(4);
    const mentions = await mastodonMentions();
    expect(mentions).toHaveLength(4);
    const lena = mentions.find((m) => m.author.handle === 'lena@mastodon.social')!;
    expect(lena.text).toBe("Just got my #Acme trail shoes & they're great! https://acme.example/trail");
    expect(lena).toMatchObject({ reshares: 3, language: 'en', hashtags: ['acme'] });
    expect(lena.author.followers).toBe(342);
    const rant = mentions.find((m) => m.author.handle === 'ruth')!;
    expect(rant.text).toBe(
      'shoe rant\n\nThird pair of #acme runners this year.\nThe sole peels off <again>.\n\nNever again.',
    );
    const reply = mentions.find((m) => m.author.handle === 'acme')!;
    expect(reply.inReplyTo).toBe(lena.externalId);
    const marek = mentions.find((m) => m.author.handle === 'marek@szmer.example')!;
    expect(marek.inReplyTo).toBe(instance.parent.uri);
    expect(marek.text).toContain('w Łodzi');
    // The thread of the reply is rebuilt from the stored reply link.
    const replyId = (
      await owner.get(`${api}/mentions?q=${encodeURIComponent('author:acme source:mastodon')}`)
    ).json().items[0].id;
    const thread = (await owner.get(`${api}/mentions/${replyId}/thread`)).json().items;
    expect(thread.map((m: { externalId: string }) => m.externalId)).toEqual([
      lena.externalId,
      reply.externalId,
    ]);
  });

  it('walks forward from its cursor through the Link header’s newer pages, and a second poll stores nothing twice', async () => {
    instance.cap = 2;
    instance.timeline.push(
      status('113500000000000106', 'Day two with'),
      status('113500000000000107', 'Day three with'),
      status('113500000000000108', 'Refund for my', '113500000000000101'),
      status('113500000000000109', 'Loving my'),
      status('113500000000000110', 'Rain test passed,'),
    );
    instance.requests.length = 0;
    const polled = await pollNow(tag.id);
    expect(polled.lastPoll).toMatchObject({ outcome: 'ok', stored: 5, skipped: 0 });
    expect(polled.cursor).toBe('113500000000000110');
    expect(instance.requests).toEqual([
      '/api/v1/timelines/tag/acme?limit=40&min_id=113500000000000105',
      '/api/v1/timelines/tag/acme?limit=2&min_id=113500000000000107',
      '/api/v1/statuses/113500000000000101',
      '/api/v1/timelines/tag/acme?limit=2&min_id=113500000000000109',
      '/api/v1/timelines/tag/acme?limit=2&min_id=113500000000000110',
    ]);
    const mentions = await mastodonMentions();
    expect(mentions).toHaveLength(9);
    const refund = mentions.find((m) => m.text.startsWith('Refund'))!;
    expect(refund.inReplyTo).toBe('https://mastodon.social/users/lena/statuses/113499888000000101');

    instance.requests.length = 0;
    const again = await pollNow(tag.id);
    expect(again.lastPoll).toMatchObject({ outcome: 'ok', stored: 0 });
    expect(again.totalStored).toBe(9);
    expect(instance.requests).toEqual(['/api/v1/timelines/tag/acme?limit=40&min_id=113500000000000110']);
    // An instance that ignored the cursor and sent everything again still stores each status once.
    await t.handle.db
      .updateTable('listening_sources')
      .set({ cursor: null })
      .where('id', '=', tag.id)
      .execute();
    instance.cap = 40;
    const replayed = await pollNow(tag.id);
    expect(replayed.lastPoll).toMatchObject({ outcome: 'ok', stored: 0 });
    expect(await mastodonMentions()).toHaveLength(9);
  });

  it('backs off on a 429 until the instance’s reset, holding every source on that instance', async () => {
    const account = (
      await owner.post(`${api}/sources`, {
        instanceUrl: origin,
        kind: 'account',
        target: '@lena',
        enabled: true,
      })
    ).json();
    instance.mode = 'rate_limited';
    const held = await pollNow(tag.id);
    expect(held.lastPoll.outcome).toBe('rate_limited');
    expect(held.lastPoll.error).toContain(resetAt.toISOString());
    expect(held.nextPollAt).toBe(resetAt.toISOString());
    const sibling = (await owner.get(`${api}/sources/${account.id}`)).json();
    expect(new Date(sibling.nextPollAt).getTime()).toBeGreaterThanOrEqual(resetAt.getTime());
    // Not due: the sweep leaves both alone until the reset.
    instance.requests.length = 0;
    expect(await t.modules.listening.sources.pollDue()).toBe(0);
    expect(instance.requests).toEqual([]);

    // A page that says it was the last allowed request is stored, then the source waits for the reset.
    instance.mode = 'last_request';
    instance.timeline.push(status('113500000000000111', 'Last one before the limit with'));
    const last = await pollNow(tag.id);
    expect(last.lastPoll).toMatchObject({ outcome: 'rate_limited', stored: 1 });
    expect(last.nextPollAt).toBe(resetAt.toISOString());
    instance.mode = 'ok';
    await owner.request('DELETE', `${api}/sources/${account.id}`);
  });

  it('records a broken page or an instance that is down on the source, and the sweep carries on', async () => {
    const before = (await mastodonMentions()).length;
    instance.mode = 'garbage';
    const broken = await pollNow(tag.id);
    expect(broken.lastPoll).toMatchObject({
      outcome: 'error',
      error: 'the instance answered with something that is not JSON',
      stored: 0,
    });
    expect(broken.failuresInARow).toBe(1);
    expect(broken.cursor).toBe('113500000000000111');
    instance.mode = 'ok';

    // A dead instance next to a live one: both due, the sweep polls both and says what happened to each.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadOrigin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const dead = (
      await owner.post(`${api}/sources`, { instanceUrl: deadOrigin, kind: 'hashtag', target: 'acme' })
    ).json();
    await t.handle.db
      .updateTable('listening_sources')
      .set({ next_poll_at: new Date(0) })
      .execute();
    instance.timeline.push(status('113500000000000112', 'Back online, my'));
    expect(await t.modules.listening.sources.pollDue()).toBe(2);
    const list = (await owner.get(`${api}/sources`)).json().items;
    const deadNow = list.find((s: { id: string }) => s.id === dead.id);
    expect(deadNow.lastPoll.outcome).toBe('error');
    expect(deadNow.lastPoll.error).toMatch(/cannot be reached/);
    const live = list.find((s: { id: string }) => s.id === tag.id);
    expect(live.lastPoll).toMatchObject({ outcome: 'ok', stored: 1 });
    expect(live.failuresInARow).toBe(0);
    expect(await mastodonMentions()).toHaveLength(before + 1);
  });

  it('pauses and removes a source', async () => {
    const paused = await owner.request('PATCH', `${api}/sources/${tag.id}`, { enabled: false });
    expect(paused.json()).toMatchObject({ enabled: false, nextPollAt: null });
    await t.handle.db
      .updateTable('listening_sources')
      .set({ next_poll_at: new Date(0) })
      .execute();
    instance.requests.length = 0;
    await t.modules.listening.sources.pollDue();
    expect(instance.requests.filter((r) => r.includes('/tag/acme?'))).toHaveLength(0);
    expect((await owner.request('DELETE', `${api}/sources/${tag.id}`)).statusCode).toBe(204);
    expect((await owner.get(`${api}/sources/${tag.id}`)).statusCode).toBe(404);
    expect((await mastodonMentions()).length).toBeGreaterThan(0);
  });
});

describe('Mastodon sources on a server that keeps brands off its own network', () => {
  it('refuses an instance on loopback or a private address with a 400 naming the field and why', async () => {
    const guarded = await createTestApp({ modules: { outboundPrivate: false } });
    try {
      const boss = await guarded.signup('guard_owner');
      await guarded.brand(boss, 'guarded');
      for (const instanceUrl of ['http://127.0.0.1:8080', 'http://localhost', 'http://169.254.169.254']) {
        const res = await boss.post('/api/v1/orgs/guarded/listening/sources', {
          instanceUrl,
          kind: 'hashtag',
          target: 'acme',
        });
        expect(res.statusCode, instanceUrl).toBe(400);
        expect(res.json()).toMatchObject({ code: 'invalid_source', errors: [{ field: 'instanceUrl' }] });
        expect(res.json().errors[0].message).toMatch(/public internet/);
      }
    } finally {
      await guarded.close();
    }
  });
});
