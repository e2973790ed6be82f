import type { LightMyRequestResponse } from 'fastify';
import { type App, buildApp, type ModuleOptions } from '../../src/app.ts';
import type { DbHandle } from '../../src/platform/db/kysely.ts';
import { createTestDb } from './test-db.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A signed-in browser-like client: sends the session cookie and the CSRF header like the web app does. */
export type TestClient = {
  handle: string;
  userId: string;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
};

export type TestContext = App & {
  handle: DbHandle;
  /** Runs every due event delivery (fan-out, notifications) as the dispatcher would after commit. */
  drain(): Promise<number>;
  signup(handle: string, password?: string): Promise<TestClient>;
  anonymous: Pick<TestClient, 'request' | 'get'>;
  /** Creates a brand owned by `owner`. */
  brand(owner: TestClient, handle: string, extra?: { verified?: boolean }): Promise<string>;
  close(): Promise<void>;
};

/** A test app on a fresh database. Rate limits are off unless a test is about them. */
export async function createTestApp(
  options: { rateLimits?: boolean; modules?: ModuleOptions; trustProxy?: boolean } = {},
): Promise<TestContext> {
  const handle = await createTestDb();
  const app = await buildApp({
    db: handle.db,
    config: {
      secureCookies: false,
      rateLimits: options.rateLimits ?? false,
      trustProxy: options.trustProxy ?? false,
    },
    webDir: '/nonexistent',
    // Tests serve Mastodon pages and webhooks from this machine.
    modules: {
      paymentWebhookSecret: 'test-secret',
      paymentDelayMs: 500,
      outboundPrivate: true,
      ...options.modules,
    },
  });

  const request =
    (cookie?: string, csrf?: string) =>
    (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.app.inject({
        method,
        url,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: body as object }),
      });

  function client(handleName: string, userId: string, cookie: string, csrf: string): TestClient {
    const send = request(cookie, csrf);
    return {
      handle: handleName,
      userId,
      request: send,
      get: (url) => send('GET', url),
      post: (url, body) => send('POST', url, body ?? {}),
      del: (url) => send('DELETE', url),
    };
  }

  const ctx: TestContext = {
    ...app,
    handle,
    drain: () => app.dispatcher.drain(),
    anonymous: { request: request(), get: (url) => request()('GET', url) },
    async signup(name, password = 'correct horse battery') {
      const res = await request()('POST', '/api/v1/auth/signup', {
        email: `${name}@example.com`,
        password,
        handle: name,
        name: name[0].toUpperCase() + name.slice(1),
      });
      if (res.statusCode !== 201) throw new Error(`signup ${name} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'souk_session')!;
      const me = res.json();
      return client(name, me.account.id, `souk_session=${cookie.value}`, me.csrfToken);
    },
    async brand(owner, name, extra = {}) {
      const res = await owner.post('/api/v1/orgs', { handle: name, name: `${name} Inc`, kind: 'brand' });
      if (res.statusCode !== 201) throw new Error(`brand ${name} failed: ${res.statusCode} ${res.body}`);
      if (extra.verified) {
        const admin = { userId: owner.userId, isAdmin: true, csrfToken: null, memberships: [] };
        await app.modules.identity.orgs.setVerified(admin, name, true);
      }
      return res.json().id;
    },
    async close() {
      await app.app.close();
      await handle.close();
    },
  };
  return ctx;
}
