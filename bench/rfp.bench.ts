import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { TEST_CARDS } from '../src/modules/commerce/index.ts';
import { generateRequests } from '../src/modules/rfp/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openFreshDatabase, p95 } from './support/fresh-database.ts';

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    samples: { type: 'string', default: '200' },
    awards: { type: 'string', default: '64' },
  },
});
const scale = Number(flags.scale);
const REQUESTS = Math.round(50_000 * scale);
const PITCHES = 5;
const SAMPLES = Number(flags.samples);
const AWARDS = Number(flags.awards);
const TARGET_P95_MS = 50;
const log = (m: string) => console.error(`[bench] ${m}`);

async function main() {
  const { handle, kind, drop } = await openFreshDatabase('rfp');
  await migrateToLatest(handle.db);
  const { app } = await buildApp({
    db: handle.db,
    config: { secureCookies: false, rateLimits: false },
    webDir: '/nonexistent',
  });
  const signup = async (name: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: `${name}@example.com`, password: 'correct horse battery', handle: name, name },
    });
    const cookie = res.cookies.find((c) => c.name === 'souk_session')!;
    return {
      id: res.json().account.id as string,
      headers: { cookie: `souk_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken as string },
    };
  };
  const call = async (
    who: { headers: Record<string, string> },
    method: 'POST' | 'GET',
    url: string,
    payload?: object,
    extra = {},
  ) => {
    const res = await app.inject({ method, url, headers: { ...who.headers, ...extra }, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const owner = await signup('benchowner');
  const asker = await signup('benchasker');
  const brands = [];
  for (let i = 0; i < PITCHES; i++) {
    const handleName = `benchbrand${i}`;
    const org = await call(owner, 'POST', '/api/v1/orgs', {
      handle: handleName,
      name: `Bench ${i}`,
      kind: 'brand',
    });
    const product = await call(owner, 'POST', `/api/v1/orgs/${handleName}/products`, {
      title: `Bench product ${i}`,
      currency: 'EUR',
      priceMinor: 100_000,
      variants: [{ sku: `BENCH-${i}`, stock: 1000 }],
    });
    brands.push({
      handle: handleName,
      orgId: org.id as string,
      productId: product.id as string,
      variantId: product.variants[0].id as string,
    });
  }
  log(`${kind}: generating ${REQUESTS} open requests × ${PITCHES} pitches (scale ${scale})`);
  const started = Date.now();
  await generateRequests(handle.db, { authorId: asker.id, requests: REQUESTS, brands, currency: 'EUR' });
  log(`generated in ${Math.round((Date.now() - started) / 1000)} s`);
  // Brand 0's owner reads the queue; a few request ids to open, spread over the set.
  const pageIds = (await call(owner, 'GET', '/api/v1/orgs/benchbrand0/rfp-queue?limit=100')).items.map(
    (i: { request: { id: string } }) => i.request.id,
  );

  const time = async (url: string, who?: { headers: Record<string, string> }) => {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: who?.headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return performance.now() - t0;
  };
  const measure = async (urlOf: (i: number) => string, who?: { headers: Record<string, string> }) => {
    for (let i = 0; i < 10; i++) await time(urlOf(i), who); // warm up
    const ms: number[] = [];
    for (let i = 0; i < SAMPLES; i++) ms.push(await time(urlOf(i), who));
    return p95(ms);
  };
  const bare = await measure(() => '/api/v1/health');
  const queue = await measure(() => '/api/v1/orgs/benchbrand0/rfp-queue?limit=20', owner);
  const page = await measure((i) => `/api/v1/rfps/${pageIds[i % pageIds.length]}`);

  // 64 awards of the same request at once (half on each of two pitches, each with its own key): one order only.
  const buyer = await signup('benchbuyer'); // the generated asker is past the daily request limit
  const request = await call(buyer, 'POST', '/api/v1/rfps', {
    title: 'Concurrent award',
    budgetMinor: 100_000,
    currency: 'EUR',
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
    brands: [brands[0].handle, brands[1].handle],
  });
  const pitchIds: string[] = [];
  for (const b of brands.slice(0, 2))
    pitchIds.push(
      (
        await call(owner, 'POST', `/api/v1/rfps/${request.id}/pitches`, {
          brand: b.handle,
          title: 'Offer',
          terms: '',
          message: '',
          items: [{ variantId: b.variantId, quantity: 1, unitPriceMinor: 95_000 }],
        })
      ).id,
    );
  const ordersBefore = (await call(buyer, 'GET', '/api/v1/me/orders')).items.length;
  const results = await Promise.all(
    Array.from({ length: AWARDS }, (_, i) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/pitches/${pitchIds[i % 2]}/award`,
        headers: { ...buyer.headers, 'idempotency-key': `bench-award-${i}` },
        payload: {
          shippingAddress: {
            name: 'Bench',
            line1: '1 Main St',
            city: 'Leeds',
            postalCode: 'LS1 1AA',
            country: 'GB',
          },
          card: { number: TEST_CARDS.succeeds },
        },
      }),
    ),
  );
  const ordersAfter = (await call(buyer, 'GET', '/api/v1/me/orders')).items.length;
  const won = results.filter((r) => r.statusCode === 201).length;
  const refused = results.filter((r) => r.statusCode === 409).length;
  const exactlyOne = won === 1 && refused === AWARDS - 1 && ordersAfter - ordersBefore === 1;

  const figures = {
    database: kind,
    openRequests: REQUESTS,
    pitchesPerRequest: PITCHES,
    bareP95Ms: bare,
    salesQueueP95Ms: queue,
    salesQueueRatioToBare: Math.round((queue / bare) * 10) / 10,
    requestPageP95Ms: page,
    requestPageRatioToBare: Math.round((page / bare) * 10) / 10,
    concurrentAwards: AWARDS,
    awardsWon: won,
    awardsRefused409: refused,
    ordersPlaced: ordersAfter - ordersBefore,
    exactlyOneOrder: exactlyOne,
  };
  console.log(JSON.stringify(figures, null, 2));
  await app.close();
  await handle.close();
  await drop();
  const missed = [
    queue > TARGET_P95_MS && `Sales queue p95 ${queue} ms > ${TARGET_P95_MS}`,
    page > TARGET_P95_MS && `request page p95 ${page} ms > ${TARGET_P95_MS}`,
    !exactlyOne && 'concurrent awards did not produce exactly one order',
  ].filter(Boolean);
  if (missed.length > 0) {
    console.error(`[bench] target missed: ${missed.join('; ')}`);
    process.exit(1);
  }
}

await main();
