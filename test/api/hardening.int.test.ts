import { parse as parseDisposition } from 'content-disposition';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFaultOf } from '../../src/platform/http/database-errors.ts';
import { createTestApp, type TestClient, type TestContext } from '../support/test-app.ts';

let t: TestContext;
let owner: TestClient;
beforeAll(async () => {
  t = await createTestApp({ trustProxy: true });
  owner = await t.signup('hana');
  await t.brand(owner, 'kiosk');
});
afterAll(() => t.close());

const ID = '01996522-8805-7cda-848c-1c8a216ca0c4';

/** A 4xx answered as problem+json naming `field` (when given) in errors[]. */
function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
  field?: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as { code: string; status: number; errors?: { field: string }[] };
  expect(body).toMatchObject({ code, status });
  if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
}

const product = (extra: Record<string, unknown> = {}) => ({
  title: 'Mint tea',
  priceMinor: 450,
  currency: 'EUR',
  variants: [{ sku: `TEA-${Math.random().toString(36).slice(2, 8)}`, stock: 5 }],
  ...extra,
});

describe('ids', () => {
  it('should refuse a urn:uuid: id in a path with a 400 naming the id', async () => {
    expectProblem(await t.anonymous.get(`/api/v1/posts/urn:uuid:${ID}`), 400, 'validation_failed', 'id');
  });

  it('should refuse a urn:uuid: id in a body with a 400 naming the field', async () => {
    const res = await owner.post('/api/v1/orgs/kiosk/deals', {
      text: 'A deal',
      type: 'percent_off',
      percentOff: 10,
      endsAt: '2030-01-01T00:00:00Z',
      items: [{ productId: `urn:uuid:${ID}` }],
    });
    expectProblem(res, 400, 'validation_failed', 'items[0].productId');
  });

  it('should name the id when a path id is far too long, and answer problem+json past the router limit', async () => {
    expectProblem(await t.anonymous.get(`/api/v1/posts/${'a'.repeat(200)}`), 400, 'validation_failed', 'id');
    expectProblem(await t.anonymous.get(`/api/v1/posts/${'a'.repeat(600)}`), 414, 'uri_too_long');
  });

  it('should answer a URL that does not decode with problem+json', async () => {
    expectProblem(await t.anonymous.get('/api/v1/posts/%ff'), 400, 'bad_url', 'path');
  });
});

describe('text PostgreSQL cannot store', () => {
  it('should refuse a NUL byte in a query string before sign-in', async () => {
    expectProblem(await t.anonymous.get('/api/v1/search/posts?q=a%00b'), 400, 'invalid_text', 'q');
  });

  it('should refuse a NUL byte in a sign-in body', async () => {
    const res = await t.anonymous.request('POST', '/api/v1/auth/login', {
      login: 'a\u0000b',
      password: 'whatever',
    });
    expectProblem(res, 400, 'invalid_text', 'login');
  });

  it('should refuse a lone surrogate in a post, and keep a real emoji', async () => {
    const res = await owner.request('POST', '/api/v1/posts', '{"text":"hi \\ud800"}', {
      'content-type': 'application/json',
    });
    expectProblem(res, 400, 'invalid_text', 'text');
    const ok = await owner.request('POST', '/api/v1/posts', '{"text":"hi \\ud83d\\ude00"}', {
      'content-type': 'application/json',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().text).toBe('hi 😀');
  });

  it('should refuse a NUL byte in a path parameter', async () => {
    expectProblem(await t.anonymous.get('/api/v1/orgs/a%00b/products'), 400, 'invalid_text', 'handle');
  });
});

describe('empty updates', () => {
  it('should answer {} to a profile, an org and commerce settings with 400 empty_update', async () => {
    for (const [method, url] of [
      ['PATCH', '/api/v1/me/profile'],
      ['PATCH', '/api/v1/orgs/kiosk'],
      ['PUT', '/api/v1/orgs/kiosk/commerce-settings'],
    ] as const) {
      expectProblem(await owner.request(method, url, {}), 400, 'empty_update', 'body');
    }
    const res = await owner.request('PATCH', '/api/v1/me/profile', { bio: 'tea' });
    expect(res.statusCode).toBe(200);
    expect(res.json().account.bio).toBe('tea');
  });
});

describe('unique values', () => {
  it('should give a second product with the same title a suffixed slug', async () => {
    const first = await owner.post('/api/v1/orgs/kiosk/products', product({ title: 'Green Tea' }));
    const second = await owner.post('/api/v1/orgs/kiosk/products', product({ title: 'Green Tea' }));
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect([first.json().slug, second.json().slug]).toEqual(['green-tea', 'green-tea-2']);
  });

  it('should answer concurrent creates of one SKU with one 201 and 422s', async () => {
    const body = product({ variants: [{ sku: 'SAME-SKU', stock: 1 }] });
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => owner.post('/api/v1/orgs/kiosk/products', { ...body, title: `Cup ${i}` })),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 422, 422, 422]);
    for (const r of results.filter((x) => x.statusCode === 422))
      expect(r.json().code).toBe('invalid_product');
  });

  it('should turn the database refusing client input into 409/400 problems, not 500s', async () => {
    const refusal = async (query: string) => {
      try {
        await sql.raw(query).execute(t.handle.db);
      } catch (err) {
        return clientFaultOf(err);
      }
      throw new Error(`${query} did not fail`);
    };
    expect((await refusal(`SELECT 'urn:uuid:${ID}'::uuid`))?.status).toBe(400);
    expect((await refusal("SELECT '2026-13-01'::date"))?.code).toBe('invalid_value');
    expect((await refusal('SELECT 2147483648::int'))?.code).toBe('invalid_value');
    const dup = await refusal(
      "INSERT INTO products (id, org_id, slug, title, price_minor, currency) SELECT gen_random_uuid(), org_id, slug, 'x', 1, 'EUR' FROM products LIMIT 1",
    );
    expect(dup).toMatchObject({ status: 409, code: 'already_exists', errors: [{ field: 'slug' }] });
    expect(clientFaultOf(new Error('boom'))).toBeUndefined();
  });
});

describe('dates and numbers', () => {
  it('should refuse a leap second and year 0000 where PostgreSQL or Date would fail', async () => {
    for (const endsAt of ['2026-06-30T23:59:60Z', '0000-01-01T00:00:00Z', '2026-02-30T00:00:00Z']) {
      const res = await owner.post('/api/v1/orgs/kiosk/deals', {
        text: 'A deal',
        type: 'percent_off',
        percentOff: 10,
        endsAt,
        items: [{ productId: ID }],
      });
      expectProblem(res, 400, 'validation_failed', 'endsAt');
    }
  });

  it('should refuse a refund amount or a price that does not fit the column', async () => {
    for (const amount of ['2147483648', '1e308']) {
      const res = await owner.request('POST', `/api/v1/orders/${ID}/refund`, `{"amountMinor":${amount}}`, {
        'content-type': 'application/json',
        'idempotency-key': 'refund-key-1',
      });
      expectProblem(res, 400, 'validation_failed', 'amountMinor');
    }
    const res = await owner.post('/api/v1/orgs/kiosk/products', product({ priceMinor: 2147483648 }));
    expectProblem(res, 400, 'validation_failed', 'priceMinor');
  });
});

describe('headers', () => {
  it('should build the CSV file name after finding the brand, and encode it', async () => {
    expectProblem(await owner.get('/api/v1/orgs/%F0%9F%98%80/products.csv'), 404, 'not_found');
    const res = await owner.get('/api/v1/orgs/kiosk/products.csv');
    expect(res.statusCode).toBe(200);
    const disposition = parseDisposition(String(res.headers['content-disposition']));
    expect(disposition).toMatchObject({ type: 'attachment', parameters: { filename: 'kiosk-products.csv' } });
  });

  it('should send security headers on API answers and errors', async () => {
    for (const res of [await t.anonymous.get('/api/v1/health'), await t.anonymous.get('/api/v1/nope')]) {
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('should mark the session cookie Secure when the trusted proxy says the request came over HTTPS', async () => {
    const login = (headers: Record<string, string>) =>
      t.anonymous.request(
        'POST',
        '/api/v1/auth/login',
        { login: 'hana', password: 'correct horse battery' },
        headers,
      );
    const session = (cookies: { name: string; secure?: boolean }[]) =>
      cookies.find((c) => c.name === 'souk_session');
    const overHttps = (await login({ 'x-forwarded-proto': 'https' })).cookies;
    const plain = (await login({})).cookies;
    expect(session(overHttps)).toMatchObject({ name: 'souk_session', secure: true, httpOnly: true });
    expect(overHttps.every((c) => c.secure)).toBe(true);
    expect(session(plain)?.secure).toBeUndefined();
  });
});
