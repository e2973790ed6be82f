import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { fanOutChunk } from './social.repo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ modules: { fanoutChunk: 2 } });
});
afterAll(() => t.close());

describe('fan-out in chunks', () => {
  it('should reach every follower across chunks, in follower order, and say when none are left', async () => {
    const author = await t.signup('loud');
    const followers = [];
    for (let i = 0; i < 5; i++) {
      const f = await t.signup(`listener${i}`);
      await f.post('/api/v1/accounts/loud/follow');
      followers.push(f);
    }
    const postId = (await author.post('/api/v1/posts', { text: 'to everyone' })).json().id;
    const post = { postId, authorId: author.userId, visibility: 'public' as const };
    const db = t.handle.db;
    const first = await fanOutChunk(db, post, null, 2);
    const second = await fanOutChunk(db, post, first.last, 2);
    const third = await fanOutChunk(db, post, second.last, 2);
    const done = await fanOutChunk(db, post, third.last, 2);
    expect([first.scanned, second.scanned, third.scanned, done.scanned]).toEqual([2, 2, 1, 0]);
    expect(done.last).toBeNull();
    for (const f of followers) {
      const home = (await f.get('/api/v1/timelines/home')).json().items.map((p: { id: string }) => p.id);
      expect(home).toContain(postId);
    }
  });

  it('should deliver a post to a large audience chunk by chunk through the outbox', async () => {
    const star = await t.signup('star');
    const fans = [];
    for (let i = 0; i < 5; i++) {
      const f = await t.signup(`fan${i}`);
      await f.post('/api/v1/accounts/star/follow');
      fans.push(f);
    }
    const postId = (await star.post('/api/v1/posts', { text: 'hello fans' })).json().id;
    expect(await t.drain()).toBeGreaterThanOrEqual(3); // the post's delivery, then one per further chunk
    for (const f of fans) {
      expect((await f.get('/api/v1/timelines/home')).json().items.map((p: { id: string }) => p.id)).toContain(
        postId,
      );
    }
  });
});
