// Home timeline benchmark (issue 2): authenticated home reads under load beside a bare Fastify route, posting
// as an author with ~10,000 followers with the time until every follower has the post, and how read cost
// grows from a 10k-person world to a 100k one. Runs on PGlite by default, on PostgreSQL when DATABASE_URL is
// set. Targets are asserted by the exit code. See BENCHMARKS.md for results and how to run it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Child } from './child.ts';
import { type LoadResult, load } from './timeline/load.ts';
import { type Author, type PostingResult, postingRun } from './timeline/posting.ts';
import { ensureWorld, type WorldInfo, worldPlace } from './timeline/world.ts';

const { values: flags } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    posts: { type: 'string' },
    'compare-users': { type: 'string', default: '10000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    sessions: { type: 'string', default: '5000' },
    'post-count': { type: 'string', default: '200' },
    'post-rate': { type: 'string', default: '2' },
    'post-concurrency': { type: 'string', default: '4' },
    followers: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
  },
});
const num = (name: keyof typeof flags) => Number(flags[name]);
const users = num('users');
const postsPerPerson = 10;
const spec = { users, posts: flags.posts ? num('posts') : users * postsPerPerson, seed: num('seed') };
const compareUsers = num('compare-users');
const durationSec = num('duration');
const connections = num('connections');
const databaseUrl = process.env.DATABASE_URL || undefined;
const kind = databaseUrl ? 'postgres' : 'pglite';
const benchDir = path.resolve(process.env.SOUK_BENCH_DIR || 'bench/.data');
const here = path.dirname(new URL(import.meta.url).pathname);
const log = (msg: string) => console.error(`[bench] ${msg}`);

const TARGETS = {
  homeP99Ms: kind === 'postgres' ? 50 : 100,
  minShareOfBare: kind === 'postgres' ? 0.2 : 0,
  postP99Ms: 100,
  fanoutMs: 2000,
};

type WorldRun = { world: WorldInfo; home: LoadResult; profile: Profile };
type Profile = { principalMs: Stats; homeMs: Stats; jsonBytes: number };
type Stats = { mean: number; p50: number; p99: number };

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    mean: round(sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1)),
    p50: round(at(0.5)),
    p99: round(at(0.99)),
  };
}

function soukEnv(world: WorldInfo): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { SOUK_RATE_LIMITS: 'false', SOUK_DEMO: 'false', LOG_LEVEL: 'warn' };
  if (world.place.databaseUrl) env.DATABASE_URL = world.place.databaseUrl;
  else {
    env.SOUK_DATA_DIR = world.place.dataDir;
    env.DATABASE_URL = '';
  }
  return env;
}

async function startSouk(world: WorldInfo) {
  const souk = await Child.start(path.join(here, 'timeline/souk.server.ts'), soukEnv(world));
  const sessions = await souk.call<{ token: string }[]>('sessions', { count: num('sessions') });
  return {
    souk,
    cookies: sessions.map((s) => `souk_session=${s.token}`),
    tokens: sessions.map((s) => s.token),
  };
}

/** Warm-up, then the measured read load, then a sequential profile of one request's pieces. */
async function measureHome(souk: Child, cookies: string[], tokens: string[]) {
  const path = '/api/v1/timelines/home?limit=20';
  await load(souk.url, path, { connections, durationSec: 3, cookies });
  const home = await load(souk.url, path, { connections, durationSec, cookies });
  const raw = await souk.call<{ principalMs: number[]; homeMs: number[]; jsonBytes: number[] }>('profile', {
    tokens: tokens.slice(0, 500),
  });
  const profile = {
    principalMs: stats(raw.principalMs),
    homeMs: stats(raw.homeMs),
    jsonBytes: Math.round(raw.jsonBytes.reduce((s, v) => s + v, 0) / raw.jsonBytes.length),
  };
  return { home, profile };
}

async function runWorld(world: WorldInfo, bare: Child | null, withPosting: boolean) {
  const { souk, cookies, tokens } = await startSouk(world);
  try {
    let bareResult: LoadResult | null = null;
    if (bare) {
      log('bare Fastify route');
      await load(bare.url, '/bare', { connections, durationSec: 3 });
      bareResult = await load(bare.url, '/bare', { connections, durationSec });
    }
    log(`home timeline reads on ${world.place.users.toLocaleString('en')} people`);
    const { home, profile } = await measureHome(souk, cookies, tokens);
    let posting: PostingResult | null = null;
    if (withPosting) {
      const author = await souk.call<Author>('author', { followers: num('followers') });
      log(`posting as @${author.handle} (${author.followers.toLocaleString('en')} followers)`);
      posting = await postingRun(souk.url, souk, author, {
        count: num('post-count'),
        ratePerSec: num('post-rate'),
        concurrency: num('post-concurrency'),
      });
    }
    return { run: { world, home, profile } satisfies WorldRun, bare: bareResult, posting };
  } finally {
    // Let requests autocannon abandoned at the deadline finish before the database closes under them.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await souk.stop();
  }
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const line = (label: string, r: LoadResult, bare?: LoadResult | null) =>
  `${label.padEnd(34)} ${String(r.requestsPerSec).padStart(7)} req/s  p50 ${ms(r.p50)}  p90 ${ms(r.p90)}  p99 ${ms(r.p99)}  max ${ms(r.max)}  errors ${r.errors + r.timeouts}  non-2xx ${r.non2xx}${bare ? `  = ${((100 * r.requestsPerSec) / bare.requestsPerSec).toFixed(1)}% of bare` : ''}`;

function worldLine(w: WorldInfo) {
  const built =
    w.buildSeconds === null
      ? 'reused (build time unknown)'
      : `${w.builtNow ? 'built in' : 'reused; built in'} ${w.buildSeconds} s`;
  return `world ${w.place.users.toLocaleString('en')} people / ${w.place.posts.toLocaleString('en')} posts at ${w.place.label}: ${built}`;
}

function report(main: WorldRun, compare: WorldRun | null, bare: LoadResult, posting: PostingResult) {
  const req = stats(posting.requestMs);
  const fan = stats(posting.fanoutMs);
  const fanMax = Math.max(0, ...posting.fanoutMs);
  const checks = [
    [
      'home timeline p99',
      main.home.p99 <= TARGETS.homeP99Ms,
      `${ms(main.home.p99)} (target ≤ ${TARGETS.homeP99Ms} ms)`,
    ],
    ['home timeline errors', main.home.errors + main.home.timeouts + main.home.non2xx === 0, 'must be 0'],
    ...(TARGETS.minShareOfBare > 0
      ? [
          [
            'throughput vs bare route',
            main.home.requestsPerSec >= TARGETS.minShareOfBare * bare.requestsPerSec,
            `${((100 * main.home.requestsPerSec) / bare.requestsPerSec).toFixed(1)}% (target ≥ ${TARGETS.minShareOfBare * 100}%)`,
          ] as const,
        ]
      : []),
    ['posting p99', req.p99 <= TARGETS.postP99Ms, `${ms(req.p99)} (target ≤ ${TARGETS.postP99Ms} ms)`],
    [
      'fan-out to every follower',
      posting.failures === 0 &&
        fanMax <= TARGETS.fanoutMs &&
        posting.verified.complete === posting.verified.checked,
      `max ${ms(fanMax)} (target ≤ ${TARGETS.fanoutMs} ms), ${posting.failures} failed`,
    ],
  ] as const;
  const out = [
    `# Home timeline benchmark on ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} — ${new Date().toISOString()}`,
    `machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${connections} connections, ${durationSec} s per load`,
    worldLine(main.world),
    ...(compare ? [worldLine(compare.world)] : []),
    line('bare Fastify route', bare),
    line(`home timeline, ${main.world.place.users / 1000}k people`, main.home, bare),
    ...(compare
      ? [line(`home timeline, ${compare.world.place.users / 1000}k people`, compare.home, bare)]
      : []),
    ...[main, ...(compare ? [compare] : [])].map(
      (r) =>
        `  one request alone (${r.world.place.users / 1000}k): session ${ms(r.profile.principalMs.mean)} mean / ${ms(r.profile.principalMs.p99)} p99; home page ${ms(r.profile.homeMs.mean)} mean / ${ms(r.profile.homeMs.p99)} p99; ${r.profile.jsonBytes} bytes of JSON`,
    ),
    ...(compare
      ? [
          `growth ${compare.world.place.users / 1000}k → ${main.world.place.users / 1000}k people (×${main.world.place.posts / compare.world.place.posts} posts): throughput ×${(main.home.requestsPerSec / compare.home.requestsPerSec).toFixed(2)}, p50 ×${(main.home.p50 / compare.home.p50).toFixed(2)}, one home page alone ×${(main.profile.homeMs.mean / compare.profile.homeMs.mean).toFixed(2)}`,
        ]
      : []),
    `posting as @${posting.author} (${posting.followers.toLocaleString('en')} followers): ${posting.posts} posts at ${posting.ratePerSec}/s, ${posting.concurrency} in flight; request p50 ${ms(req.p50)} p99 ${ms(req.p99)}; in every follower's home after p50 ${ms(fan.p50)} p99 ${ms(fan.p99)} max ${ms(fanMax)}; verified ${posting.verified.complete}/${posting.verified.checked}`,
    '',
    ...checks.map(([name, ok, detail]) => `${ok ? 'MET   ' : 'MISSED'} ${name}: ${detail}`),
  ];
  console.log(out.join('\n'));
  return checks.every(([, ok]) => ok);
}

async function main() {
  fs.mkdirSync(benchDir, { recursive: true });
  const mainWorld = await ensureWorld(worldPlace(spec, { benchDir, databaseUrl, main: true }), benchDir, log);
  const compareSpec = { users: compareUsers, posts: compareUsers * postsPerPerson, seed: spec.seed };
  const compareWorld =
    compareUsers > 0 && compareUsers < users
      ? await ensureWorld(worldPlace(compareSpec, { benchDir, databaseUrl, main: false }), benchDir, log)
      : null;
  const bare = await Child.start(path.join(here, 'timeline/bare.server.ts'), {});
  try {
    const compare = compareWorld ? (await runWorld(compareWorld, null, false)).run : null;
    const { run, bare: bareResult, posting } = await runWorld(mainWorld, bare, true);
    const ok = report(run, compare, bareResult!, posting!);
    const resultsDir = path.resolve('bench/results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(
      resultsDir,
      `timeline-${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    fs.writeFileSync(
      file,
      `${JSON.stringify({ kind, spec, targets: TARGETS, main: run, compare, bare: bareResult, posting }, null, 2)}\n`,
    );
    log(`raw figures in ${path.relative(process.cwd(), file)}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await bare.stop();
  }
}

await main();
