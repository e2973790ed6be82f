import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
let ana: TestClient;
let ben: TestClient;
let cleo: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  ana = await t.signup('ana');
  ben = await t.signup('ben');
  cleo = await t.signup('cleo');
});
afterAll(() => t.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((p) => p.id);

describe('posting', () => {
  it('should parse mentions, hashtags and links into entities with offsets', async () => {
    const text = 'Hey @ben, look at #Trail-running gear https://example.com/shoes. cc @nobody';
    const res = await ana.post('/api/v1/posts', { text });
    expect(res.statusCode).toBe(201);
    const { entities } = res.json();
    expect(entities.mentions).toEqual([{ handle: 'ben', accountId: ben.userId, start: 4, end: 8 }]);
    expect(entities.hashtags).toEqual([{ tag: 'trail', start: 18, end: 24 }]);
    const at = text.indexOf('https://');
    expect(entities.links).toEqual([{ url: 'https://example.com/shoes', start: at, end: at + 25 }]);
  });

  it('should refuse a post over 500 characters with a 400 naming the text field', async () => {
    const res = await ana.post('/api/v1/posts', { text: 'x'.repeat(501) });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ field: 'text', message: expect.stringContaining('500') }]);
  });

  it('should count characters as people see them, so 500 emoji fit', async () => {
    const res = await ana.post('/api/v1/posts', { text: '🎉'.repeat(500) });
    expect(res.statusCode).toBe(201);
  });

  it('should answer malformed JSON, wrong types, unknown fields and oversized bodies with clear 4xx', async () => {
    const malformed = await ana.request('POST', '/api/v1/posts', '{"text": ', {
      'content-type': 'application/json',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
    const wrongType = await ana.post('/api/v1/posts', { text: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].field).toBe('text');
    const unknown = await ana.post('/api/v1/posts', { text: 'hi', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'colour', message: 'is not a known field' }]);
    const huge = await ana.post('/api/v1/posts', { text: 'x'.repeat(200_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('body_too_large');
  });

  it('should refuse a bad cursor with 400 invalid_cursor', async () => {
    const res = await ana.get('/api/v1/timelines/home?cursor=not-a-cursor');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_cursor');
  });

  it('should refuse a direct post that mentions nobody', async () => {
    const res = await ana.post('/api/v1/posts', { text: 'just for me', visibility: 'direct' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('direct_needs_mention');
  });
});

describe('threads, reshares, likes and deletion', () => {
  it('should build a thread of replies with ancestors and count public replies', async () => {
    const root = (await ana.post('/api/v1/posts', { text: 'What is your favourite trail?' })).json();
    const reply = (await ben.post('/api/v1/posts', { text: 'The coast path', inReplyToId: root.id })).json();
    const nested = (await ana.post('/api/v1/posts', { text: 'Nice one', inReplyToId: reply.id })).json();
    expect(reply.inReplyTo).toEqual({ id: root.id, author: expect.objectContaining({ handle: 'ana' }) });
    expect(nested.threadRootId).toBe(root.id);
    const thread = (await cleo.get(`/api/v1/posts/${reply.id}/thread`)).json();
    expect(thread.ancestors.map((p: { id: string }) => p.id)).toEqual([root.id]);
    expect(thread.replies.map((p: { id: string }) => p.id)).toEqual([nested.id]);
    expect((await cleo.get(`/api/v1/posts/${root.id}`)).json().counts.replies).toBe(1);
  });

  it('should keep the reshare chain: who reshared whose reshare', async () => {
    const original = (await ana.post('/api/v1/posts', { text: 'Big news today' })).json();
    const first = (await ben.post(`/api/v1/posts/${original.id}/reshare`)).json();
    const second = (await cleo.post(`/api/v1/posts/${first.id}/reshare`)).json();
    expect(first.reshareOf.id).toBe(original.id);
    expect(second.reshareOf.id).toBe(original.id);
    expect(second.reshareParentId).toBe(first.id);
    expect(second.reshareOf.counts.reshares).toBe(2);
    const twice = await cleo.post(`/api/v1/posts/${original.id}/reshare`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_reshared');
  });

  it('should refuse to reshare a followers-only post', async () => {
    await ben.post('/api/v1/accounts/ana/follow');
    const hidden = (
      await ana.post('/api/v1/posts', { text: 'friends only', visibility: 'followers' })
    ).json();
    const res = await ben.post(`/api/v1/posts/${hidden.id}/reshare`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('not_resharable');
  });

  it('should count a like once per person and undo it', async () => {
    const post = (await ana.post('/api/v1/posts', { text: 'Like me' })).json();
    await ben.post(`/api/v1/posts/${post.id}/like`);
    const again = (await ben.post(`/api/v1/posts/${post.id}/like`)).json();
    expect(again.counts.likes).toBe(1);
    expect(again.viewer.liked).toBe(true);
    const undone = (await ben.del(`/api/v1/posts/${post.id}/like`)).json();
    expect(undone.counts.likes).toBe(0);
  });

  it('should let only the author delete a post, after which it is gone everywhere', async () => {
    const post = (await ana.post('/api/v1/posts', { text: 'oops #typo' })).json();
    const refused = await ben.del(`/api/v1/posts/${post.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('not_author');
    expect((await ben.get(`/api/v1/posts/${post.id}`)).json().text).toBe('oops #typo');
    expect((await ana.del(`/api/v1/posts/${post.id}`)).statusCode).toBe(204);
    expect((await ana.get(`/api/v1/posts/${post.id}`)).statusCode).toBe(404);
    expect(ids(await ana.get('/api/v1/tags/typo/posts'))).not.toContain(post.id);
    expect(ids(await ana.get('/api/v1/timelines/home'))).not.toContain(post.id);
  });
});

describe('timelines and search', () => {
  it('should show followed accounts and yourself newest first, with cursor pagination', async () => {
    const dora = await t.signup('dora');
    const emil = await t.signup('emil');
    await dora.post('/api/v1/accounts/emil/follow');
    const posted: string[] = [];
    for (let i = 0; i < 5; i++) {
      posted.push((await (i % 2 ? dora : emil).post('/api/v1/posts', { text: `post ${i}` })).json().id);
    }
    await t.drain();
    const first = await dora.get('/api/v1/timelines/home?limit=3');
    const second = await dora.get(`/api/v1/timelines/home?limit=3&cursor=${first.json().nextCursor}`);
    expect([...ids(first), ...ids(second)]).toEqual([...posted].reverse());
    expect(second.json().nextCursor).toBeNull();
  });

  it('should backfill a newly followed account and drop it on unfollow', async () => {
    const fay = await t.signup('fay');
    const old = (await ana.post('/api/v1/posts', { text: 'an older post' })).json();
    await fay.post('/api/v1/accounts/ana/follow');
    expect(ids(await fay.get('/api/v1/timelines/home'))).toContain(old.id);
    await fay.del('/api/v1/accounts/ana/follow');
    expect(ids(await fay.get('/api/v1/timelines/home'))).not.toContain(old.id);
  });

  it('should show a followed account’s new post at once, drop it when deleted, and drop all on unfollow', async () => {
    const gil = await t.signup('gil');
    const hal = await t.signup('hal');
    await gil.post('/api/v1/accounts/hal/follow');
    expect(ids(await gil.get('/api/v1/timelines/home'))).toEqual([]);
    const post = (await hal.post('/api/v1/posts', { text: 'fresh news' })).json();
    await t.drain();
    expect(ids(await gil.get('/api/v1/timelines/home'))).toEqual([post.id]);
    await hal.del(`/api/v1/posts/${post.id}`);
    expect(ids(await gil.get('/api/v1/timelines/home'))).toEqual([]);
    const again = (await hal.post('/api/v1/posts', { text: 'more news' })).json();
    await t.drain();
    expect(ids(await gil.get('/api/v1/timelines/home'))).toEqual([again.id]);
    await gil.del('/api/v1/accounts/hal/follow');
    expect(ids(await gil.get('/api/v1/timelines/home'))).toEqual([]);
  });

  it('should list followers and following and count them on the profile', async () => {
    const profile = (await cleo.get('/api/v1/accounts/ana')).json();
    const followers = (await cleo.get('/api/v1/accounts/ana/followers')).json();
    expect(followers.items.map((a: { handle: string }) => a.handle)).toContain('ben');
    expect(profile.followersCount).toBe(followers.items.length);
  });

  it('should find posts by words and by hashtag, and brand mentions', async () => {
    const owner = await t.signup('gus');
    await t.brand(owner, 'trailco', { verified: true });
    const post = (
      await cleo.post('/api/v1/posts', { text: 'My boots from @trailco are leaking again #hiking' })
    ).json();
    expect(ids(await ben.get('/api/v1/search/posts?q=leaking%20boots'))).toContain(post.id);
    expect(ids(await ben.get('/api/v1/tags/Hiking/posts'))).toContain(post.id);
    expect(ids(await owner.get('/api/v1/accounts/trailco/mentions'))).toContain(post.id);
    const profile = (await ben.get('/api/v1/accounts/trailco')).json();
    expect(profile).toMatchObject({ kind: 'brand', verified: true });
  });
});

describe('notifications', () => {
  it('should notify mentions, replies, likes, reshares and follows, count unread, and mark them read', async () => {
    const hana = await t.signup('hana');
    const ivan = await t.signup('ivan');
    await ivan.post('/api/v1/accounts/hana/follow');
    const post = (await hana.post('/api/v1/posts', { text: 'hello world' })).json();
    await ivan.post('/api/v1/posts', { text: 'hi @hana' });
    await ivan.post('/api/v1/posts', { text: 'welcome!', inReplyToId: post.id });
    await ivan.post(`/api/v1/posts/${post.id}/like`);
    await ivan.post(`/api/v1/posts/${post.id}/reshare`);
    await t.drain();
    await t.drain(); // redelivery must not duplicate
    const list = (await hana.get('/api/v1/notifications')).json();
    expect(list.items.map((n: { kind: string }) => n.kind).sort()).toEqual([
      'follow',
      'like',
      'mention',
      'reply',
      'reshare',
    ]);
    expect((await hana.get('/api/v1/notifications/unread-count')).json().total).toBe(5);
    expect((await hana.post('/api/v1/notifications/read')).statusCode).toBe(204);
    expect((await hana.get('/api/v1/notifications/unread-count')).json().total).toBe(0);
  });

  it("should let brand members read the brand's notifications and keep others out", async () => {
    const owner = await t.signup('jon');
    await t.brand(owner, 'beanhaus');
    await ana.post('/api/v1/posts', { text: '@beanhaus your espresso is great' });
    await t.drain();
    const brandList = (await owner.get('/api/v1/notifications?as=beanhaus')).json();
    expect(brandList.items[0]).toMatchObject({ kind: 'mention', recipient: { handle: 'beanhaus' } });
    const outsider = await ben.get('/api/v1/notifications?as=beanhaus');
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('not_a_member');
    const markRead = await ben.post('/api/v1/notifications/read', { as: 'beanhaus' });
    expect(markRead.statusCode).toBe(403);
    expect(markRead.json().code).toBe('not_a_member');
    const unread = (await owner.get('/api/v1/notifications/unread-count')).json();
    expect(unread.byAccount).toContainEqual(
      expect.objectContaining({ account: expect.objectContaining({ handle: 'beanhaus' }), unread: 1 }),
    );
  });
});
