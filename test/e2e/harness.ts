import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { buildApp, type ModuleOptions } from '../../src/app.ts';
import type { DbHandle } from '../../src/platform/db/kysely.ts';
import { createTestDb } from '../support/test-db.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Chromium flags for a closed network and a root user: no sandbox, no background calls home.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export type Harness = {
  url: string;
  app: Awaited<ReturnType<typeof buildApp>>;
  browser: Browser;
  /** A fresh browser profile (its own cookies), like a second person on another device. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
};

/** Serves the built web app and the API on a fresh database, with the event dispatcher running, plus Chromium. */
export async function startHarness(options: { modules?: ModuleOptions } = {}): Promise<Harness> {
  const db: DbHandle = await createTestDb();
  const app = await buildApp({
    db: db.db,
    config: { secureCookies: false, rateLimits: false },
    ...(options.modules ? { modules: options.modules } : {}),
    webDir: path.resolve('web/dist'),
  });
  app.startBackground();
  const url = await app.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url,
    app,
    browser,
    newContext: () => browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 } }),
    async close() {
      await browser.close();
      await app.app.close();
      await app.stopBackground();
      await db.close();
    },
  };
}

/** Creates a person through the service layer, for actors the journey does not sign up through the UI. */
export async function createPerson(h: Harness, handle: string, password = 'team password 1') {
  const id = await h.app.modules.identity.service.createUser({
    email: `${handle}@example.com`,
    password,
    handle,
    name: handle,
  });
  return { id, handle, password };
}

/** Signs in through the login page. */
export async function logIn(context: BrowserContext, login: string, password: string) {
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-login').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}
