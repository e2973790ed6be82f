import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { hashPassword } from '../identity/index.ts';

// Property: over random follow graphs, posts and viewers, no endpoint, search, count or notification shows a
// post to someone outside its audience, and list endpoints show exactly the posts the viewer may see.

type Vis = 'public' | 'followers' | 'direct';
type PostSpec = {
  author: number;
  visibility: Vis;
  mentions: number[];
  tagged: boolean;
  replyTo: number | null;
};
type World = { size: number; follows: [number, number][]; posts: PostSpec[] };

const worldArb = fc.integer({ min: 3, max: 5 }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    follows: fc
      .uniqueArray(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), {
        maxLength: size * 2,
        selector: ([a, b]) => `${a}-${b}`,
      })
      .map((pairs) => pairs.filter(([a, b]) => a !== b)),
    posts: fc.array(
      fc.record({
        author: fc.nat(size - 1),
        visibility: fc.constantFrom<Vis>('public', 'followers', 'direct'),
        mentions: fc.uniqueArray(fc.nat(size - 1), { maxLength: 2 }),
        tagged: fc.boolean(),
        replyTo: fc.option(fc.nat(7), { nil: null }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  }),
);

let t: TestContext;
let passwordHash: string;
let run = 0;

beforeAll(async () => {
  t = await createTestApp();
  passwordHash = await hashPassword('irrelevant password');
});
afterAll(() => t.close());

async function person(handle: string): Promise<TestClient> {
  const identity = t.modules.identity.service;
  const userId = await identity.createUser({
    email: `${handle}@example.com`,
    password: '',
    passwordHash,
    handle,
    name: handle,
  });
  const session = await identity.startSession(userId);
  const cookie = `souk_session=${session.token}`;
  const send: TestClient['request'] = (method, url, body, headers = {}) =>
    t.app.inject({
      method,
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    handle,
    userId,
    request: send,
    get: (u) => send('GET', u),
    post: (u, b) => send('POST', u, b ?? {}),
    del: (u) => send('DELETE', u),
  };
}

async function allIds(client: Pick<TestClient, 'get'>, url: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await client.get(
      `${url}${url.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode, url).toBe(200);
    out.push(...res.json().items.map((p: { id: string }) => p.id));
    cursor = res.json().nextCursor;
  } while (cursor);
  return out.sort();
}

const sorted = (ids: string[]) => [...ids].sort();

async function checkWorld(world: World) {
  run++;
  const marker = `kiwi${run}q`;
  const tag = `tag${run}q`;
  const people = await Promise.all(Array.from({ length: world.size }, (_, i) => person(`w${run}p${i}`)));
  const follows = new Set(world.follows.map(([a, b]) => `${a}-${b}`));
  for (const [a, b] of world.follows)
    expect((await people[a].post(`/api/v1/accounts/${people[b].handle}/follow`)).statusCode).toBe(200);

  type Made = PostSpec & { id: string; replyToId: string | null };
  const made: Made[] = [];
  const canSee = (p: PostSpec, v: number | null) =>
    p.visibility === 'public' ||
    (v !== null &&
      (p.author === v ||
        p.mentions.includes(v) ||
        (p.visibility === 'followers' && follows.has(`${v}-${p.author}`))));
  for (const spec of world.posts) {
    const parent = spec.replyTo !== null && spec.replyTo < made.length ? made[spec.replyTo] : null;
    const mentions =
      spec.visibility === 'direct' && spec.mentions.length === 0
        ? [(spec.author + 1) % world.size]
        : spec.mentions;
    const text = [marker, spec.tagged ? `#${tag}` : '', ...mentions.map((m) => `@${people[m].handle}`)].join(
      ' ',
    );
    const res = await people[spec.author].post('/api/v1/posts', {
      text,
      visibility: spec.visibility,
      inReplyToId: parent?.id,
    });
    const full = { ...spec, mentions };
    if (parent && !canSee(parent, spec.author)) {
      expect(res.statusCode).toBe(404); // replying to an invisible post looks like it does not exist
      continue;
    }
    expect(res.statusCode, res.body).toBe(201);
    made.push({ ...full, id: res.json().id, replyToId: parent?.id ?? null });
  }
  await t.drain();

  const viewers: (number | null)[] = [null, ...people.map((_, i) => i)];
  for (const v of viewers) {
    const client = v === null ? t.anonymous : people[v];
    const visible = made.filter((p) => canSee(p, v));
    const visibleIds = new Set(visible.map((p) => p.id));

    for (const p of made) {
      const res = await client.get(`/api/v1/posts/${p.id}`);
      expect(res.statusCode, `post ${p.visibility} to viewer ${v}`).toBe(canSee(p, v) ? 200 : 404);
      if (res.statusCode === 200) {
        const publicReplies = made.filter((r) => r.replyToId === p.id && r.visibility === 'public').length;
        expect(res.json().counts.replies).toBe(publicReplies);
        const thread = (await client.get(`/api/v1/posts/${p.id}/thread`)).json();
        for (const q of [...thread.ancestors, ...thread.replies]) expect(visibleIds.has(q.id)).toBe(true);
      }
    }
    expect(await allIds(client, `/api/v1/search/posts?q=${marker}`)).toEqual(sorted([...visibleIds]));
    expect(await allIds(client, `/api/v1/tags/${tag}/posts`)).toEqual(
      sorted(visible.filter((p) => p.tagged).map((p) => p.id)),
    );
    for (const [i, author] of people.entries()) {
      const own = visible.filter((p) => p.author === i && p.replyToId === null).map((p) => p.id);
      expect(await allIds(client, `/api/v1/accounts/${author.handle}/posts`)).toEqual(sorted(own));
      expect((await client.get(`/api/v1/accounts/${author.handle}`)).json().postsCount).toBe(own.length);
      const mentioning = visible.filter((p) => p.mentions.includes(i)).map((p) => p.id);
      expect(await allIds(client, `/api/v1/accounts/${author.handle}/mentions`)).toEqual(sorted(mentioning));
    }
    if (v === null) continue;
    const home = made.filter(
      (p) =>
        p.author === v ||
        (follows.has(`${v}-${p.author}`) && (p.visibility !== 'direct' || p.mentions.includes(v))),
    );
    expect(await allIds(client, '/api/v1/timelines/home')).toEqual(sorted(home.map((p) => p.id)));
    const notifications = (await client.get('/api/v1/notifications?limit=100')).json().items;
    for (const n of notifications)
      if (n.post) expect(visibleIds.has(n.post.id) || n.post.author.handle.startsWith(`w${run}`)).toBe(true);
    const notifiedPosts = notifications.flatMap((n: { post: { id: string } | null }) =>
      n.post ? [n.post.id] : [],
    );
    for (const id of notifiedPosts) if (made.some((p) => p.id === id)) expect(visibleIds.has(id)).toBe(true);
  }
}

describe('visibility', () => {
  it('should never show a post outside its audience on any endpoint, for random graphs, posts and viewers', async () => {
    await fc.assert(fc.asyncProperty(worldArb, checkWorld), {
      numRuns: 12,
      seed: 20261122,
      endOnFailure: true,
    });
  }, 240_000);
});
