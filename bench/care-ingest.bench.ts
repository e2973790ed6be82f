// Care-ingest benchmark (issue 4): customers mention a brand over HTTP and the benchmark measures how long each
// post takes to appear in the brand's inbox, triaged and routed: from sending the post to the inbox's live event
// for its new conversation. A steady phase (the issue's "within 1 second of posting") and a burst phase (how fast
// mentions become conversations), beside the same burst of posts that mention no brand as the ceiling (posting
// without the care work: the HTTP request, the post, its fan-out and notifications).
// PGlite in a fresh directory by default; the PostgreSQL database in DATABASE_URL when set (it must be empty).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Child } from './child.ts';

const { values: flags } = parseArgs({
  options: {
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '15' },
    burst: { type: 'string', default: '300' },
    connections: { type: 'string', default: '16' },
    profile: { type: 'string' },
  },
});
const rate = Number(flags.rate);
const steadyCount = Math.round(rate * Number(flags.seconds));
const burstCount = Number(flags.burst);
const connections = Number(flags.connections);
const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const TARGET_P99_MS = 1000;
const log = (msg: string) => console.error(`[bench] ${msg}`);
const here = path.dirname(new URL(import.meta.url).pathname);

// What customers write to a brand (project-written): complaints, questions, requests, ideas, praise.
const MESSAGES = [
  'my order arrived damaged and nobody answers my emails',
  'do you ship to Portugal and how long does it take?',
  'would you do the trail shoes for 80 euros? I would buy two pairs',
  'idea: sell spare laces with every pair',
  'third time my parcel is late, this is unacceptable',
  'love the new rain jacket, stayed dry all weekend!',
  'is the daypack back in stock in blue?',
  'we are a running club of 30 looking for a group offer',
];

type Customer = { token: string; csrfToken: string };
type Sent = { postId: string; sentAt: number };

async function post(url: string, customer: Customer, text: string): Promise<Sent> {
  const sentAt = Date.now();
  const res = await fetch(`${url}/api/v1/posts`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `souk_session=${customer.token}`,
      'x-csrf-token': customer.csrfToken,
    },
    body: JSON.stringify({ text }),
  });
  if (res.status !== 201) throw new Error(`POST /posts answered ${res.status}: ${await res.text()}`);
  return { postId: ((await res.json()) as { id: string }).id, sentAt };
}

const textOf = (i: number) => `@ingestco ${MESSAGES[i % MESSAGES.length]} (#${i})`;

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : Number.NaN;

/** Latencies of one phase: sending the post → the inbox heard of its conversation; missing ones are counted. */
function latencies(sent: Sent[], seen: Map<string, number | null>) {
  const values = sent.map((s) => (seen.get(s.postId) ?? Number.NaN) - s.sentAt);
  const ok = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return {
    posts: sent.length,
    conversations: ok.length,
    p50: percentile(ok, 50),
    p95: percentile(ok, 95),
    p99: percentile(ok, 99),
    max: ok.at(-1) ?? Number.NaN,
  };
}

const dataDir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'souk-ingest-')) : undefined;
log(`starting Souk on ${kind}${dataDir ? ` in ${dataDir}` : ''}`);
const souk = await Child.start(path.join(here, 'care-ingest/souk.server.ts'), {
  ...(dataDir ? { SOUK_DATA_DIR: dataDir } : {}),
  SOUK_DB_POOL: process.env.SOUK_DB_POOL ?? '8',
});
try {
  const { customers } = await souk.call<{ customers: Customer[] }>('setup', {
    customers: steadyCount + burstCount,
  });

  log(`steady: ${steadyCount} mentions at ${rate}/s, each from another customer`);
  const steady: Promise<Sent>[] = [];
  const started = Date.now();
  for (let i = 0; i < steadyCount; i++) {
    const due = started + (i * 1000) / rate;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    steady.push(post(souk.url, customers[i], textOf(i)));
  }
  const steadySent = await Promise.all(steady);
  await new Promise((r) => setTimeout(r, 3000)); // let the last conversations arrive

  log(`burst: ${burstCount} mentions over ${connections} connections`);
  if (flags.profile) await souk.call('profileStart');
  const burstSent: Sent[] = [];
  let next = steadyCount;
  const burstStarted = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < steadyCount + burstCount) {
        const i = next++;
        burstSent.push(await post(souk.url, customers[i], textOf(i)));
      }
    }),
  );
  const burstPostsPerSec = burstCount / ((Date.now() - burstStarted) / 1000);
  // Wait until every burst post has its conversation (or 30 s pass).
  let seen = new Map<string, number | null>();
  for (const until = Date.now() + 30_000; Date.now() < until; ) {
    const rows = await souk.call<{ postId: string; seenAt: number | null }[]>('results');
    seen = new Map(rows.map((r) => [r.postId, r.seenAt]));
    if (burstSent.every((s) => seen.get(s.postId))) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (flags.profile) await souk.call('profileStop', { file: path.resolve(flags.profile) });
  const burstDone = Math.max(...burstSent.map((s) => seen.get(s.postId) ?? 0));
  const burstPerSec = burstCount / ((burstDone - burstStarted) / 1000);

  log(`ceiling: ${burstCount} posts that mention no brand, over the same connections`);
  let plain = 0;
  const plainStarted = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (plain < burstCount) {
        const i = plain++;
        await post(souk.url, customers[i], `just back from a long run in the hills (#${i})`);
      }
    }),
  );
  const plainPerSec = burstCount / ((Date.now() - plainStarted) / 1000);

  const steadyFigures = latencies(steadySent, seen);
  const burstFigures = latencies(burstSent, seen);
  const report = {
    database: kind,
    steady: { ratePerSec: rate, latencyMs: steadyFigures },
    burst: {
      connections,
      latencyMs: burstFigures,
      postsPerSec: Math.round(burstPostsPerSec),
      conversationsPerSec: Math.round(burstPerSec),
    },
    ceilingPlainPostsPerSec: Math.round(plainPerSec),
    burstShareOfCeiling: Number((burstPerSec / plainPerSec).toFixed(2)),
    steadyP99ShareOfTarget: Number((steadyFigures.p99 / TARGET_P99_MS).toFixed(2)),
  };
  console.log(JSON.stringify(report, null, 2));
  const failures: string[] = [];
  for (const [phase, f] of [
    ['steady', steadyFigures],
    ['burst', burstFigures],
  ] as const) {
    if (f.conversations !== f.posts)
      failures.push(`${phase}: ${f.posts - f.conversations} of ${f.posts} mentions never reached the inbox`);
  }
  if (!(steadyFigures.p99 <= TARGET_P99_MS))
    failures.push(`steady p99 ${steadyFigures.p99} ms > ${TARGET_P99_MS} ms`);
  for (const f of failures) console.log(`MISSED: ${f}`);
  console.log(
    failures.length ? `care-ingest: ${failures.length} target(s) missed` : 'care-ingest: all targets met',
  );
  process.exitCode = failures.length ? 1 : 0;
} finally {
  await souk.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
