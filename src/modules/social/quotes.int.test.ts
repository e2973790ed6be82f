import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, png } from '../../../test/support/images.ts';
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

const upload = async (who: TestClient) => {
  const { body, headers } = multipart(await png());
  return (await who.request('POST', '/api/v1/media', body, headers)).json().id as string;
};

async function notificationsOf(who: TestClient) {
  await t.drain();
  return (await who.get('/api/v1/notifications')).json().items as {
    kind: string;
    actor: { handle: string };
    post: { id: string } | null;
  }[];
}

describe('quote posts', () => {
  it('should embed the quoted post as a card, count the quote, and tell its author', async () => {
    const image = await upload(ana);
    const original = (
      await ana.post('/api/v1/posts', { text: 'New trail map is out', media: [{ id: image, alt: 'A map' }] })
    ).json();
    const res = await ben.post('/api/v1/posts', { text: 'This is the one to get', quoteOfId: original.id });
    expect(res.statusCode, res.body).toBe(201);
    const quote = res.json();
    expect(quote.quoteOf).toMatchObject({
      id: original.id,
      available: true,
      author: { handle: 'ana' },
      text: 'New trail map is out',
      media: [{ id: image, alt: 'A map' }],
    });
    const seen = (await cleo.get(`/api/v1/posts/${original.id}`)).json();
    expect(seen.counts.quotes).toBe(1);
    const onHome = (await ben.get('/api/v1/timelines/home')).json().items;
    expect(onHome.find((p: { id: string }) => p.id === quote.id).quoteOf.text).toBe('New trail map is out');
    const notes = await notificationsOf(ana);
    expect(notes).toContainEqual(
      expect.objectContaining({ kind: 'quote', actor: expect.objectContaining({ handle: 'ben' }) }),
    );
    expect(notes.find((n) => n.kind === 'quote')?.post?.id).toBe(quote.id);
  });

  it('should quote the original when given a reshare, and show the quote inside a reshare of it', async () => {
    const original = (await ana.post('/api/v1/posts', { text: 'Original words' })).json();
    const reshare = (await ben.post(`/api/v1/posts/${original.id}/reshare`)).json();
    const quote = (await cleo.post('/api/v1/posts', { text: 'Agreed', quoteOfId: reshare.id })).json();
    expect(quote.quoteOf.id).toBe(original.id);
    const reshareOfQuote = (await ana.post(`/api/v1/posts/${quote.id}/reshare`)).json();
    expect(reshareOfQuote.reshareOf.quoteOf).toMatchObject({ id: original.id, text: 'Original words' });
  });

  it('should show a deleted quoted post as unavailable, with nothing of it, and uncount the quote', async () => {
    const original = (await ana.post('/api/v1/posts', { text: 'Soon gone' })).json();
    const quote = (await ben.post('/api/v1/posts', { text: 'Look at this', quoteOfId: original.id })).json();
    const undone = (await cleo.post('/api/v1/posts', { text: 'Me too', quoteOfId: original.id })).json();
    await cleo.request('DELETE', `/api/v1/posts/${undone.id}`);
    expect((await ana.get(`/api/v1/posts/${original.id}`)).json().counts.quotes).toBe(1);
    expect((await ana.request('DELETE', `/api/v1/posts/${original.id}`)).statusCode).toBe(204);
    const shown = (await cleo.get(`/api/v1/posts/${quote.id}`)).json();
    expect(shown.quoteOf).toEqual({
      id: null,
      available: false,
      author: null,
      text: '',
      media: [],
      createdAt: null,
    });
    const again = await cleo.post('/api/v1/posts', { text: 'Late', quoteOfId: original.id });
    expect([again.statusCode, again.json().code]).toEqual([404, 'post_not_found']);
  });

  it('should refuse to quote a post outside its audience and not reveal it exists', async () => {
    await ben.post('/api/v1/accounts/ana/follow');
    const followersOnly = (
      await ana.post('/api/v1/posts', { text: 'Friends only', visibility: 'followers' })
    ).json();
    const byFollower = await ben.post('/api/v1/posts', { text: 'Quoting', quoteOfId: followersOnly.id });
    expect([byFollower.statusCode, byFollower.json().code]).toEqual([422, 'not_quotable']);
    const byStranger = await cleo.post('/api/v1/posts', { text: 'Quoting', quoteOfId: followersOnly.id });
    expect([byStranger.statusCode, byStranger.json().code]).toEqual([404, 'post_not_found']);
    const direct = (await ana.post('/api/v1/posts', { text: '@ben psst', visibility: 'direct' })).json();
    const leak = await ben.post('/api/v1/posts', { text: 'Look what ana sent', quoteOfId: direct.id });
    expect([leak.statusCode, leak.json().code]).toEqual([422, 'not_quotable']);
  });

  it('should answer a nonexistent or odd id with a 4xx', async () => {
    const missing = await ben.post('/api/v1/posts', { text: 'x', quoteOfId: randomUUID() });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'post_not_found']);
    for (const odd of ['nope', '', '1', `${randomUUID()}\u0000`, 42]) {
      const res = await ben.post('/api/v1/posts', { text: 'x', quoteOfId: odd });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('quoteOfId');
    }
  });
});

describe('image-only posts', () => {
  it('should publish a post with images and no text, and refuse one with neither', async () => {
    const image = await upload(cleo);
    const res = await cleo.post('/api/v1/posts', { text: '', media: [{ id: image, alt: 'A teal square' }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ text: '', media: [{ id: image, alt: 'A teal square' }] });
    for (const text of ['', '   \n ']) {
      const empty = await cleo.post('/api/v1/posts', { text });
      expect([empty.statusCode, empty.json().code]).toEqual([400, 'post_empty']);
      expect(empty.json().errors[0].field).toBe('text');
    }
    const emptyList = await cleo.post('/api/v1/posts', { text: '', media: [] });
    expect([emptyList.statusCode, emptyList.json().code]).toEqual([400, 'post_empty']);
  });
});
