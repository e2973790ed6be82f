import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ rateLimits: true });
});
afterAll(() => t.close());

describe('HTTP surface', () => {
  it('should publish an OpenAPI 3.1 document describing every API route, and a docs page', async () => {
    const res = await t.anonymous.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/posts',
      '/api/v1/timelines/home',
      '/api/v1/auth/login',
      '/api/v1/notifications',
      '/api/v1/orgs/{handle}/invitations',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await t.anonymous.get('/api/docs/')).statusCode).toBe(200);
  });

  it('should answer an unknown API route with a problem+json 404', async () => {
    const res = await t.anonymous.get('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'route_not_found', status: 404 });
  });

  it('should require sign-in for writes with 401 unauthenticated', async () => {
    const res = await t.anonymous.request('POST', '/api/v1/posts', { text: 'hi' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('should rate-limit posting with 429 and Retry-After', async () => {
    const spammer = await t.signup('spammer');
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i < 70 && last !== 429; i++) {
      const res = await spammer.post('/api/v1/posts', { text: `post number ${i}` });
      last = res.statusCode;
      retryAfter = res.headers['retry-after'] as string | undefined;
      if (last === 429) expect(res.json().code).toBe('rate_limited');
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('live notifications over Server-Sent Events', () => {
  it('should push a mention to the mentioned user only, as it happens', async () => {
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    t.dispatcher.start();
    const omar = await t.signup('omar');
    await t.signup('lina');
    await t.signup('pia');
    const open = async (who: string) => {
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: who, password: 'correct horse battery' }),
      });
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith('souk_session='))!;
      const controller = new AbortController();
      const res = await fetch(`${url}/api/v1/stream`, { headers: { cookie }, signal: controller.signal });
      const reader = res.body!.getReader();
      let text = '';
      const readUntil = async (needle: string, ms: number) => {
        const deadline = Date.now() + ms;
        while (!text.includes(needle) && Date.now() < deadline) {
          const chunk = await Promise.race([
            reader.read(),
            new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
          ]);
          if (!chunk || chunk.done) break;
          text += new TextDecoder().decode(chunk.value);
        }
        return text;
      };
      return { readUntil, close: () => controller.abort() };
    };
    const linaStream = await open('lina');
    const piaStream = await open('pia');
    await linaStream.readUntil('event: ready', 2000);
    await omar.post('/api/v1/posts', { text: 'secret plans with @lina', visibility: 'direct' });
    const received = await linaStream.readUntil('event: notification', 3000);
    expect(received).toContain('event: notification');
    expect(received).toContain('secret plans with @lina');
    expect(received).toContain('event: unread');
    expect(await piaStream.readUntil('secret plans', 500)).not.toContain('secret plans');
    linaStream.close();
    piaStream.close();
    await t.dispatcher.stop();
  });
});
