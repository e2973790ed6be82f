import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';

// Export my data, and delete my account with the person's choice about their posts.
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (login: string, password = 'correct horse battery') =>
  t.anonymous.request('POST', '/api/v1/auth/login', { login, password });

describe('export my data and delete my account', { timeout: 120_000 }, () => {
  it('should export profile, posts, follows and notification settings as a JSON download', async () => {
    const eva = await t.signup('pvceva');
    await t.signup('pvcfin');
    expect((await eva.post('/api/v1/posts', { text: 'hello from eva' })).statusCode).toBe(201);
    expect((await eva.post('/api/v1/accounts/pvcfin/follow')).statusCode).toBe(200);
    const res = await eva.get('/api/v1/me/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="souk-data-\d{4}-\d\d-\d\d\.json"$/,
    );
    const data = res.json();
    expect(data.account).toMatchObject({ handle: 'pvceva', email: 'pvceva@example.com' });
    expect(data.sections.social.posts.map((p: { text: string }) => p.text)).toEqual(['hello from eva']);
    expect(data.sections.social.following).toHaveLength(1);
    expect(data.sections.commerce).toEqual({ orders: [], addresses: [] });
    expect(data.sections.notifications.preferences.length).toBeGreaterThan(5);
  });

  it('should export the person’s care conversations and ideas, and stop their idea follows on closing', async () => {
    const owner = await t.signup('pvcown');
    await t.brand(owner, 'pvcbrand');
    const ida = await t.signup('pvcida');
    const mention = await ida.post('/api/v1/posts', {
      text: '@pvcbrand my order never arrived, help please',
    });
    expect(mention.statusCode, mention.body).toBe(201);
    const idea = await ida.post('/api/v1/orgs/pvcbrand/ideas', {
      title: 'A travel case for the kettle',
      description: 'Something to carry it in.',
    });
    expect(idea.statusCode, idea.body).toBe(201);
    expect((await ida.request('PUT', `/api/v1/ideas/${idea.json().id}/follow`)).statusCode).toBeLessThan(300);
    await t.drain();

    const data = (await ida.get('/api/v1/me/export')).json();
    const [conversation] = data.sections.care.conversations;
    expect(conversation.brand.handle).toBe('pvcbrand');
    expect(conversation.messages.map((m: { text: string }) => m.text)).toEqual([
      '@pvcbrand my order never arrived, help please',
    ]);
    expect(data.sections.ideas.ideas.map((i: { title: string }) => i.title)).toEqual([
      'A travel case for the kettle',
    ]);
    expect(data.sections.ideas.following).toHaveLength(1);

    const closed = await ida.post('/api/v1/me/delete-account', {
      password: 'correct horse battery',
      posts: 'keep',
    });
    expect(closed.statusCode, closed.body).toBe(204);
    const page = (await owner.get(`/api/v1/ideas/${idea.json().id}`)).json();
    expect(page.idea.title).toBe('A travel case for the kettle'); // stays on the portal for those who voted on it
    expect(page.followers).toBe(0);
  });

  it('should refuse a wrong password and change nothing', async () => {
    const gus = await t.signup('pvcgus');
    const res = await gus.post('/api/v1/me/delete-account', { password: 'not it at all', posts: 'keep' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('wrong_password');
    expect((await gus.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('should keep posts as "Deleted account", end sessions, refuse sign-in and export, and free the handle', async () => {
    const hal = await t.signup('pvchal');
    const post = (await hal.post('/api/v1/posts', { text: 'kept after I leave' })).json();
    const res = await hal.post('/api/v1/me/delete-account', {
      password: 'correct horse battery',
      posts: 'keep',
    });
    expect(res.statusCode, res.body).toBe(204);

    expect((await hal.get('/api/v1/me')).statusCode).toBe(401);
    expect((await hal.get('/api/v1/me/export')).statusCode).toBe(401);
    expect((await login('pvchal@example.com')).statusCode).toBe(401);
    const kept = await t.anonymous.get(`/api/v1/posts/${post.id}`);
    expect(kept.statusCode).toBe(200);
    expect(kept.json().text).toBe('kept after I leave');
    expect(kept.json().author.name).toBe('Deleted account');
    expect(kept.json().author.handle).not.toBe('pvchal');
    // The handle and the address are free for someone else.
    expect((await t.signup('pvchal')).handle).toBe('pvchal');
  });

  it('should remove the posts when the person asks for it', async () => {
    const ivy = await t.signup('pvcivy');
    const post = (await ivy.post('/api/v1/posts', { text: 'gone with me' })).json();
    const res = await ivy.post('/api/v1/me/delete-account', {
      password: 'correct horse battery',
      posts: 'remove',
    });
    expect(res.statusCode, res.body).toBe(204);
    const gone = await t.anonymous.get(`/api/v1/posts/${post.id}`);
    expect(gone.statusCode === 404 || gone.json().text === '').toBe(true);
  });

  it('should refuse while the person is the only owner of a brand', async () => {
    const jo = await t.signup('pvcjo');
    await t.brand(jo, 'pvcjoshop');
    const res = await jo.post('/api/v1/me/delete-account', {
      password: 'correct horse battery',
      posts: 'keep',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('sole_owner');
  });
});
