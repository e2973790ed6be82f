import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { type BriefingFigures, renderBriefingPdf } from '../src/modules/listening/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openFreshDatabase } from './support/fresh-database.ts';

// Briefing book PDF for a brand with 100,000 mentions in the period (a week), through the API as a member asks
// for it: write the book (gather the figures from the database) and download its PDF. Ceiling in the same run:
// drawing the same figures to PDF without the database. Target: ≤ 10 s.
const { values: flags } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '3' } },
});
const scale = Number(flags.scale);
const MENTIONS = Math.round(100_000 * scale);
const RUNS = Number(flags.runs);
const TARGET_MS = 10_000;
const DAY = 86_400_000;
const log = (m: string) => console.error(`[bench] ${m}`);

const WORDS =
  'boots jacket delivery refund parcel late great love quality price store size colour hood trail'.split(' ');
const RIVALS = ['rivalco', 'northpeak', 'stoneware'];

function* mentionLines(n: number, from: number) {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 8 }, () => WORDS[Math.floor(rnd() * WORDS.length)]);
    const who = rnd() < 0.7 ? '@acme' : RIVALS[Math.floor(rnd() * RIVALS.length)];
    const tone = rnd() < 0.3 ? 'terrible awful' : rnd() < 0.6 ? 'wonderful happy' : '';
    yield `${JSON.stringify({
      id: `m${i}`,
      text: `${who} ${words.join(' ')} ${tone} #tag${i % 40}`,
      created_at: new Date(from + rnd() * 7 * DAY).toISOString(),
      user: `user${Math.floor(rnd() * 20_000)}`,
      followers: Math.floor(rnd() * 50_000),
      reshares: Math.floor(rnd() * rnd() * 400),
    })}\n`;
  }
}

async function main() {
  const { handle, kind, drop } = await openFreshDatabase('briefing');
  try {
    await migrateToLatest(handle.db);
    const { app } = await buildApp({
      db: handle.db,
      config: { secureCookies: false, rateLimits: false },
      webDir: '/nonexistent',
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: {
        email: 'owner@example.com',
        password: 'correct horse battery',
        handle: 'owner',
        name: 'Owner',
      },
    });
    const cookie = res.cookies.find((c) => c.name === 'souk_session')!;
    const headers = {
      cookie: `souk_session=${cookie.value}`,
      'x-csrf-token': res.json().csrfToken as string,
    };
    const call = async (method: 'POST' | 'GET', url: string, payload?: unknown, extra = {}) => {
      const r = await app.inject({
        method,
        url,
        headers: { ...headers, ...extra },
        payload: payload as string,
      });
      if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
      return r;
    };
    await call('POST', '/api/v1/orgs', { handle: 'acme', name: 'Acme Outfitters', kind: 'brand' });
    const base = '/api/v1/orgs/acme/listening';
    await call('POST', `${base}/topics`, { name: 'Acme', kind: 'brand', query: '@acme OR acme' });
    for (const r of RIVALS) await call('POST', `${base}/topics`, { name: r, kind: 'competitor', query: r });

    const from = Date.UTC(2026, 10, 2); // a Monday
    const to = from + 7 * DAY;
    log(`importing ${MENTIONS} mentions into ${kind}`);
    const mapping = JSON.stringify({
      id: 'id',
      text: 'text',
      createdAt: 'created_at',
      author: 'user',
      followers: 'followers',
      reshares: 'reshares',
    });
    const t0 = performance.now();
    const CHUNK = 20_000;
    for (let done = 0; done < MENTIONS; done += CHUNK) {
      const body = [...mentionLines(Math.min(CHUNK, MENTIONS - done), from)]
        .join('')
        .replaceAll('"id":"m', `"id":"c${done}-`);
      await call('POST', `${base}/imports?format=jsonl&mapping=${encodeURIComponent(mapping)}`, body, {
        'content-type': 'application/x-ndjson',
      });
    }
    log(`imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const period = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
    const times: number[] = [];
    let figures: BriefingFigures | null = null;
    let pdfBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const book = (await call('POST', `${base}/briefings`, period)).json();
      const pdf = await call('GET', `${base}/briefings/${book.id}/pdf`);
      times.push(performance.now() - s);
      figures = book.figures;
      pdfBytes = pdf.rawPayload.length;
    }
    const ceilings: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await renderBriefingPdf(figures as BriefingFigures);
      ceilings.push(performance.now() - s);
    }
    await app.close();
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    const bookMs = median(times);
    const ceilingMs = median(ceilings);
    const mentions = figures?.volume.mentions ?? 0;
    console.log(`database: ${kind}; mentions in the period: ${mentions} (scale ${scale}); runs: ${RUNS}`);
    console.log(
      `briefing book (write + PDF download): ${(bookMs / 1000).toFixed(2)} s median (target ≤ 10 s)`,
    );
    console.log(
      `ceiling, the same figures drawn to PDF without the database: ${(ceilingMs / 1000).toFixed(2)} s`,
    );
    console.log(
      `ratio to the ceiling: ${(bookMs / ceilingMs).toFixed(1)}×; PDF ${Math.round(pdfBytes / 1024)} KiB`,
    );
    if (bookMs > TARGET_MS) {
      console.log('TARGET MISSED');
      process.exitCode = 1;
    }
  } finally {
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
