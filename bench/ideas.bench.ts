import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { generateIdeas } from '../src/modules/ideas/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openFreshDatabase, p95 } from './support/fresh-database.ts';

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    samples: { type: 'string', default: '200' },
    voters: { type: 'string', default: '64' },
  },
});
const scale = Number(flags.scale);
const IDEAS = Math.round(100_000 * scale);
const VOTES = Math.round(2_000_000 * scale);
const SAMPLES = Number(flags.samples);
const VOTERS = Number(flags.voters);
const TARGET_P95_MS = 50;
const log = (m: string) => console.error(`[bench] ${m}`);

async function main() {
  const { handle, kind, drop } = await openFreshDatabase('ideas');
  await migrateToLatest(handle.db);
  const { app, modules } = await buildApp({
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
      headers: { cookie: `souk_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken as string },
    };
  };
  const owner = await signup('benchowner');
  const org = await app.inject({
    method: 'POST',
    url: '/api/v1/orgs',
    ...owner,
    payload: { handle: 'benchbrand', name: 'Bench', kind: 'brand' },
  });
  const orgId = org.json().id as string;
  log(`${kind}: generating ${IDEAS} ideas and ${VOTES} votes (scale ${scale})`);
  const started = Date.now();
  await generateIdeas(handle.db, orgId, IDEAS, VOTES);
  log(`generated in ${Math.round((Date.now() - started) / 1000)} s`);

  const time = async (url: string) => {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return performance.now() - t0;
  };
  const typed = [
    'wire',
    'wireless char',
    'leather str',
    'repair kit for',
    'recycled packa',
    'magnetic stand ca',
  ];
  const measure = async (urlOf: (i: number) => string) => {
    for (let i = 0; i < 10; i++) await time(urlOf(i)); // warm up
    const ms: number[] = [];
    for (let i = 0; i < SAMPLES; i++) ms.push(await time(urlOf(i)));
    return p95(ms);
  };
  const bare = await measure(() => '/api/v1/health');
  const similar = await measure(
    (i) => `/api/v1/orgs/benchbrand/ideas/similar?q=${encodeURIComponent(typed[i % typed.length])}`,
  );
  const trending = await measure(() => '/api/v1/orgs/benchbrand/ideas?sort=trending&limit=20');

  // 64 people vote on one idea at once: every vote must count, once.
  const target = (
    await app.inject({ method: 'GET', url: '/api/v1/orgs/benchbrand/ideas?sort=new&limit=1' })
  ).json().items[0];
  const voters = [];
  for (let i = 0; i < VOTERS; i++) voters.push(await signup(`voter${i}`));
  const results = await Promise.all(
    voters.map((v) =>
      app.inject({ method: 'PUT', url: `/api/v1/ideas/${target.id}/vote`, ...v, payload: { votes: 2 } }),
    ),
  );
  const after = (await app.inject({ method: 'GET', url: `/api/v1/ideas/${target.id}` })).json().idea
    .votes as number;
  const exact = results.every((r) => r.statusCode === 200) && after === target.votes + 2 * VOTERS;
  void modules;

  const figures = {
    database: kind,
    ideas: IDEAS,
    votes: VOTES,
    bareP95Ms: bare,
    similarP95Ms: similar,
    similarRatioToBare: Math.round((similar / bare) * 10) / 10,
    trendingP95Ms: trending,
    trendingRatioToBare: Math.round((trending / bare) * 10) / 10,
    concurrentVoters: VOTERS,
    votesBefore: target.votes,
    votesAfter: after,
    countExact: exact,
  };
  console.log(JSON.stringify(figures, null, 2));
  await app.close();
  await handle.close();
  await drop();
  const missed = [
    similar > TARGET_P95_MS && `similar p95 ${similar} ms > ${TARGET_P95_MS}`,
    trending > TARGET_P95_MS && `trending p95 ${trending} ms > ${TARGET_P95_MS}`,
    !exact && 'concurrent vote count not exact',
  ].filter(Boolean);
  if (missed.length > 0) {
    console.error(`[bench] target missed: ${missed.join('; ')}`);
    process.exit(1);
  }
}

await main();
