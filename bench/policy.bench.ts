// Policy lint benchmark: npm run bench:policy [-- --drafts 20000 --requests 400]
// 1. In-process throughput of the default policy plus 200 brand rules (190 banned phrases, 10 RE2 patterns) on
//    one core; the ceiling is the default policy alone in the same run. Target ≥ 5,000 drafts/s.
// 2. The composer's lint round trip over HTTP (one writer typing: sequential requests with the session cookie)
//    against a bare Fastify route in the same process. Target p95 ≤ 50 ms. Exits 1 when a target is missed.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { compilePolicy, defaultPolicy, lintDraft, type PolicyRule } from '../src/lib/policy/index.ts';
import { openDatabase } from '../src/platform/db/kysely.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const DRAFTS = arg('drafts', 20_000);
const REQUESTS = arg('requests', 400);
const TARGET_PER_SECOND = 5_000;
const TARGET_P95_MS = 50;

const TEXTS = [
  'Our new spring collection is live! Check it out in store and tell us what you think.',
  'Sorry to hear that, please send us a DM with your order details and we will look into it right away.',
  'Hi Sam, call us on 415-555-0132 and we will sort out the refund for order #3F9A01C2.',
  'Flash deal: 20% off all jackets until Sunday, use code SPRING20 at acme.shop/deals',
  'WE ARE SO EXCITED to be at the market this weekend, come and say hi!',
  'Thanks for the lovely photo, it made our day. The Summit Jacket is back in all sizes.',
];

function brandRules(): PolicyRule[] {
  return Array.from({ length: 200 }, (_, i): PolicyRule => {
    const base = {
      id: `brand-${i}`,
      severity: 'warn' as const,
      message: `Brand rule ${i}`,
      enabled: true,
      channels: [] as PolicyRule['channels'],
    };
    return i % 20 === 0
      ? { ...base, kind: 'banned_pattern', pattern: `promo-?code\\s*${i}\\d+|voucher\\s+x${i}` }
      : {
          ...base,
          kind: 'banned_phrase',
          phrases: [`forbidden term ${i}`, `rival${i}`],
          replacement: 'ours',
        };
  });
}

function throughput(rules: PolicyRule[]): number {
  const policy = compilePolicy(rules);
  const context = { channel: 'care_reply' as const, brandNames: ['Acme'] };
  for (let i = 0; i < 2_000; i++) lintDraft(policy, TEXTS[i % TEXTS.length] as string, context);
  const started = performance.now();
  for (let i = 0; i < DRAFTS; i++) lintDraft(policy, TEXTS[i % TEXTS.length] as string, context);
  return DRAFTS / ((performance.now() - started) / 1000);
}

async function roundTrips(url: string, init: () => RequestInit): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 50; i++) {
    const started = performance.now();
    const res = await fetch(url, init());
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i >= 50) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function http(): Promise<{ lint: number[]; bare: number[] }> {
  // A fresh embedded database in a temporary directory, removed afterwards.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'souk-policy-bench-'));
  const handle = await openDatabase({ dataDir });
  await migrateToLatest(handle.db);
  const t = await buildApp({
    db: handle.db,
    config: { secureCookies: false, rateLimits: false },
    webDir: path.join(dataDir, 'no-web'),
  });
  const bareApp = Fastify();
  bareApp.post('/bare', async () => ({ findings: [], blocked: false }));
  try {
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: {
        email: 'bench@example.com',
        password: 'correct horse battery',
        handle: 'bench',
        name: 'Bench',
      },
    });
    const cookie = `souk_session=${signup.cookies.find((c) => c.name === 'souk_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': signup.json().csrfToken, 'content-type': 'application/json' };
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });
    await post('/api/v1/orgs', { handle: 'benchbrand', name: 'Bench Brand', kind: 'brand' });
    for (const rule of brandRules()) {
      const { id: _id, enabled: _enabled, ...input } = rule;
      const res = await post('/api/v1/orgs/benchbrand/policy/rules', input);
      if (res.statusCode !== 201) throw new Error(`adding a rule failed: ${res.body}`);
    }
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const bareBase = await bareApp.listen({ port: 0, host: '127.0.0.1' });
    let i = 0;
    const body = () => JSON.stringify({ text: TEXTS[i++ % TEXTS.length], channel: 'brand_post' });
    const bare = await roundTrips(`${bareBase}/bare`, () => ({ method: 'POST', headers, body: body() }));
    const lint = await roundTrips(`${base}/api/v1/orgs/benchbrand/policy/lint`, () => ({
      method: 'POST',
      headers,
      body: body(),
    }));
    return { lint, bare };
  } finally {
    await bareApp.close();
    await t.app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Both once to warm the JIT, then measured.
throughput(defaultPolicy());
throughput([...defaultPolicy(), ...brandRules()]);
const ceiling = throughput(defaultPolicy());
const withRules = throughput([...defaultPolicy(), ...brandRules()]);
const { lint, bare } = await http();
const ms = (v: number) => `${v.toFixed(2)} ms`;
console.log(`policy lint, ${DRAFTS} drafts in-process on one core (machine shared; figures are a floor)`);
console.log(`  default policy alone (ceiling)      ${Math.round(ceiling)} drafts/s`);
console.log(
  `  default + 200 brand rules            ${Math.round(withRules)} drafts/s = ${((100 * withRules) / ceiling).toFixed(1)}% of the ceiling (target ≥ ${TARGET_PER_SECOND})`,
);
console.log(`composer lint over HTTP, ${REQUESTS} sequential requests`);
console.log(`  bare Fastify route                   p50 ${ms(pct(bare, 0.5))}  p95 ${ms(pct(bare, 0.95))}`);
console.log(
  `  POST /orgs/:handle/policy/lint       p50 ${ms(pct(lint, 0.5))}  p95 ${ms(pct(lint, 0.95))} = ${(pct(lint, 0.95) / pct(bare, 0.95)).toFixed(1)}× the bare p95 (target p95 ≤ ${TARGET_P95_MS} ms)`,
);
const ok = withRules >= TARGET_PER_SECOND && pct(lint, 0.95) <= TARGET_P95_MS;
console.log(ok ? 'targets met' : 'TARGET MISSED');
process.exit(ok ? 0 : 1);
