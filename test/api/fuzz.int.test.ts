import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyVariants,
  type Callers,
  type Known,
  type Operation,
  operationsOf,
  paramVariants,
  queryVariants,
  type Variant,
  validCall,
} from '../support/fuzz-variants.ts';
import { createTestApp, type TestContext } from '../support/test-app.ts';

/**
 * Sends malformed requests to every operation of the app's own OpenAPI document, as an anonymous caller, a
 * consumer and a brand owner, and fails on any 5xx or any error answer that is not problem+json. A new route
 * is fuzzed as soon as it is in the OpenAPI. Deterministic: the variants and their sample come from a seed.
 */

const SEED = Number(process.env.SOUK_FUZZ_SEED ?? 20261205);
/** Variants per operation and caller; all of them run for the owner, a sample for the other two. */
const SAMPLE = Number(process.env.SOUK_FUZZ_SAMPLE ?? 14);

/**
 * Operations that still fail in a module being restructured on another branch, by `METHOD path variant`:
 * listed so the rest stays enforced. EMPTY THIS LIST once that branch is merged (each entry is a known bug).
 */

/** Answers that never end (Server-Sent Events) cannot be injected for a signed-in caller. */
const LONG_LIVED = new Set(['GET /api/v1/stream']);

let t: TestContext;
let callers: Callers;
let operations: Operation[];

beforeAll(async () => {
  t = await createTestApp();
  const owner = await t.signup('fuzzowner');
  const consumer = await t.signup('fuzzfan');
  await t.brand(owner, 'fuzzbrand');
  const product = await owner.post('/api/v1/orgs/fuzzbrand/products', {
    title: 'Fuzz cup',
    priceMinor: 900,
    currency: 'EUR',
    variants: [{ sku: 'FUZZ-1', stock: 50 }],
  });
  const post = await consumer.post('/api/v1/posts', { text: 'hello @fuzzbrand' });
  callers = {
    anonymous: t.anonymous,
    consumer,
    owner,
    relogin: async (who) => {
      const res = await t.anonymous.request('POST', '/api/v1/auth/login', {
        login: who.handle,
        password: 'correct horse battery',
      });
      const cookie = res.cookies.find((c) => c.name === 'souk_session')!;
      const csrf = res.json().csrfToken as string;
      who.request = (method, url, body, headers = {}) =>
        t.app.inject({
          method,
          url,
          headers: {
            cookie: `souk_session=${cookie.value}`,
            ...(method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
            ...headers,
          },
          ...(body === undefined ? {} : { payload: body as object }),
        });
    },
  };
  const doc = (await t.anonymous.get('/api/openapi.json')).json();
  const known: Known = {
    handle: 'fuzzbrand',
    ids: {
      '/api/v1/posts': post.json().id,
      '/api/v1/products': product.json().id,
      '/api/v1/orgs/{handle}/products': product.json().id,
    },
  };
  // Two passes of valid calls as the owner: creates (POST to a collection) and lists (GET of a collection)
  // record an id per collection path, so the malformed calls reach existing things, not only 404s.
  for (let pass = 0; pass < 2; pass++) {
    for (const op of operationsOf(doc, known)) {
      if (op.path.endsWith('}') || known.ids[op.path] || LONG_LIVED.has(`${op.method} ${op.path}`)) continue;
      if ((op.method !== 'POST' && op.method !== 'GET') || op.path.includes('/auth/')) continue;
      const call = validCall(op);
      const res = await owner.request(op.method, call.url, call.body, call.headers);
      if (res.statusCode >= 300 || !String(res.headers['content-type']).includes('json')) continue;
      const json = res.json();
      const id = json?.id ?? json?.items?.[0]?.id;
      if (typeof id === 'string') known.ids[op.path] = id;
    }
    await t.drain();
  }
  operations = operationsOf(doc, known);
}, 120_000);
afterAll(() => t.close());

function isProblem(res: { headers: Record<string, unknown>; body: string }): boolean {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) return false;
  try {
    const body = JSON.parse(res.body);
    return typeof body.code === 'string' && typeof body.status === 'number' && typeof body.title === 'string';
  } catch {
    return false;
  }
}

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: T[], n: number, next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

describe('fuzzing every operation of the OpenAPI', () => {
  it('should answer every malformed request with a 4xx problem+json (or a success), never a 5xx', async () => {
    expect(operations.length).toBeGreaterThan(50);
    const next = random(SEED);
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      const variants: Variant[] = [...paramVariants(op), ...queryVariants(op), ...bodyVariants(op)];
      for (const role of ['owner', 'consumer', 'anonymous'] as const) {
        if (role !== 'anonymous' && LONG_LIVED.has(`${op.method} ${op.path}`)) continue;
        const client = callers[role];
        const chosen = role === 'owner' ? variants : sample(variants, SAMPLE, next);
        for (const variant of chosen) {
          const key = `${op.method} ${op.path} ${variant.name}`;
          const res = await client.request(op.method, variant.url, variant.body, variant.headers);
          sent++;
          if (res.statusCode >= 500 || (res.statusCode >= 400 && !isProblem(res)))
            failures.push(`${role} ${key} → ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
        // A fuzzed sign-out or password change must not leave the rest of the run anonymous.
        if (role !== 'anonymous' && (await client.request('GET', '/api/v1/me')).statusCode === 401)
          await callers.relogin(callers[role]);
      }
    }
    console.info(`fuzz: ${operations.length} operations, ${sent} requests, seed ${SEED}`);
    expect(sent).toBeGreaterThan(1000);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 600_000);
});
