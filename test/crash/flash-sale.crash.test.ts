import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type DbHandle, openDatabase } from '../../src/platform/db/kysely.ts';
import { createTestDb } from '../support/test-db.ts';

// Kill the server with SIGKILL in the middle of a flash sale, start it again on the same data, and check that
// every order that got a 2xx is there, no order is half-written, and stock plus sold units equals the start.

const STOCK = 300;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn();
});

type Server = { url: string; child: ChildProcess };

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, ['bin/souk.js', 'start', '--no-demo'], {
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      SOUK_RATE_LIMITS: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/Souk is ready at http:\/\/localhost:(\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return { url, child };
}

async function call(
  url: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${url}/api/v1${route}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, never> };
}

async function signup(url: string, handle: string) {
  const res = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `${handle}@example.com`,
      password: 'crash test password',
      handle,
      name: handle,
    }),
  });
  const me = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return { cookie, headers: { cookie, 'x-csrf-token': me.csrfToken } };
}

/** A database the child process can open: a copied PGlite directory, or a fresh database on the server. */
async function databaseForChild(): Promise<{ env: NodeJS.ProcessEnv; open: () => Promise<DbHandle> }> {
  if (process.env.DATABASE_URL) {
    const handle = await createTestDb();
    const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(handle.db);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${rows[0].db}`;
    cleanups.push(() => handle.close());
    return {
      env: { DATABASE_URL: url.toString() },
      open: async () => ({ ...handle, close: async () => {} }),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souk-crash-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return { env: { SOUK_DATA_DIR: dir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir: dir }) };
}

describe('a flash sale survives SIGKILL', () => {
  it('should keep every acknowledged order, no half-written order, and stock plus sold equal to the start', async () => {
    const database = await databaseForChild();
    let server = await startServer(database.env);
    const owner = await signup(server.url, 'crashowner');
    expect(
      (
        await call(
          server.url,
          'POST',
          '/orgs',
          { handle: 'crashbrand', name: 'Crash Brand', kind: 'brand' },
          owner.headers,
        )
      ).status,
    ).toBe(201);
    const product = await call(
      server.url,
      'POST',
      '/orgs/crashbrand/products',
      { title: 'Flash item', priceMinor: 1000, currency: 'EUR', variants: [{ sku: 'FL-1', stock: STOCK }] },
      owner.headers,
    );
    const variantId = (product.json as unknown as { variants: { id: string }[] }).variants[0].id;
    const deal = await call(
      server.url,
      'POST',
      '/orgs/crashbrand/deals',
      {
        text: 'Flash sale now',
        type: 'amount_off',
        valueMinor: 100,
        items: [{ productId: (product.json as unknown as { id: string }).id }],
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
        quantityCap: STOCK,
        audience: 'everyone',
      },
      owner.headers,
    );
    const dealId = (deal.json as unknown as { id: string }).id;
    const buyers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => signup(server.url, `crashbuyer${i}`)),
    );

    const acknowledged: { id: string; quantity: number }[] = [];
    let stop = false;
    const shopper = async (buyer: (typeof buyers)[number]) => {
      while (!stop) {
        const quantity = 1 + (acknowledged.length % 2);
        try {
          const res = await call(
            server.url,
            'POST',
            '/orders',
            {
              dealId,
              items: [{ variantId, quantity }],
              shippingAddress: { name: 'B', line1: '1 St', city: 'X', postalCode: 'LS1 1AA', country: 'GB' },
              card: { number: '4242424242424242' },
            },
            { ...buyer.headers, 'idempotency-key': randomUUID() },
          );
          if (res.status >= 200 && res.status < 300)
            acknowledged.push({ id: (res.json as unknown as { id: string }).id, quantity });
        } catch {
          return; // the server is gone
        }
      }
    };
    const load = Promise.all(buyers.map(shopper));
    await new Promise((r) => setTimeout(r, 1500));
    server.child.kill('SIGKILL');
    stop = true;
    await load;
    expect(acknowledged.length).toBeGreaterThan(10);

    server = await startServer(database.env); // recovery: the same data, after a crash
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));

    const handle = await database.open();
    try {
      const ids = acknowledged.map((o) => o.id);
      const { rows: found } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM orders WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND status <> 'cancelled'`.execute(
        handle.db,
      );
      expect(found[0].n).toBe(ids.length);
      const { rows: halfWritten } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)`.execute(
        handle.db,
      );
      expect(halfWritten[0].n).toBe(0);
      const { rows: ledger } = await sql<{
        stock: number;
        sold: number;
        deal_sold: number;
        purchases: number;
      }>`
        SELECT (SELECT stock FROM product_variants WHERE id = ${variantId}) AS stock,
          (SELECT coalesce(sum(i.quantity), 0)::int FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.status <> 'cancelled') AS sold,
          (SELECT sold FROM deals WHERE id = ${dealId}) AS deal_sold,
          (SELECT coalesce(sum(quantity), 0)::int FROM deal_purchases WHERE deal_id = ${dealId}) AS purchases`.execute(
        handle.db,
      );
      expect(ledger[0].stock + ledger[0].sold).toBe(STOCK);
      expect(ledger[0].deal_sold).toBe(ledger[0].sold);
      expect(ledger[0].purchases).toBe(ledger[0].sold);
    } finally {
      await handle.close();
    }
  }, 180_000);
});
