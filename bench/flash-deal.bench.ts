// Flash-deal benchmark (issue 3): a deal with stock 1,000 and 10,000 distinct buyers racing for it over HTTP
// with 64 connections, beside the single-statement checkout loop on the same database as the ceiling.
// Runs on a fresh PGlite directory by default, on the PostgreSQL database in DATABASE_URL when set (it must
// be empty: the benchmark migrates it and creates its own brand). Targets are asserted by the exit code.
// For the record it also races the same load against a bare HTTP route running the single-statement checkout
// (the HTTP floor), and reports the CPU that the load generator, the server and PostgreSQL spent per request.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Child } from './child.ts';

const { values: flags } = parseArgs({
  options: {
    buyers: { type: 'string', default: '10000' },
    stock: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '64' },
    'ceiling-stock': { type: 'string', default: '20000' },
    profile: { type: 'string' },
  },
});
const buyersCount = Number(flags.buyers);
const stock = Number(flags.stock);
const connections = Number(flags.connections);
const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const TARGETS = { shareOfCeiling: 0.6, p99Ms: 150 };
const log = (msg: string) => console.error(`[bench] ${msg}`);
const here = path.dirname(new URL(import.meta.url).pathname);
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

type Buyer = { token: string; csrfToken: string };

/**
 * CPU milliseconds used so far by this machine's PostgreSQL server processes (Linux /proc; 0 elsewhere, and on
 * PGlite, whose database runs inside the server process and counts there).
 */
function postgresCpuMs(): number {
  if (kind !== 'postgres' || !fs.existsSync('/proc')) return 0;
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime and stime, in clock ticks
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // 100 ticks a second on Linux
}

/**
 * Sends one request per buyer over `connections` connections and times the sale: paid orders over the time
 * from the first request to the last 201. Also the CPU the load generator (this process) and the server spent.
 */
async function race(souk: Child, url: string, buyers: Buyer[], body: string) {
  let next = 0;
  const statuses = new Map<number, number>();
  let firstAt = 0;
  let lastSuccessAt = 0;
  const serverCpuBefore = await souk.call<NodeJS.CpuUsage>('cpu');
  const databaseCpuBefore = postgresCpuMs();
  const loadCpuBefore = process.cpuUsage();
  const result = await autocannon({
    url,
    connections,
    amount: buyers.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const buyer = buyers[next++ % buyers.length];
          firstAt ||= performance.now();
          return {
            ...req,
            body,
            headers: {
              'content-type': 'application/json',
              cookie: `souk_session=${buyer.token}`,
              'x-csrf-token': buyer.csrfToken,
              'idempotency-key': randomUUID(),
            },
          };
        },
        onResponse: (status) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201) lastSuccessAt = performance.now();
        },
      },
    ],
  });
  const loadCpu = cpuMs(process.cpuUsage(loadCpuBefore));
  const databaseCpu = postgresCpuMs() - databaseCpuBefore;
  const serverCpu = cpuMs(await souk.call<NodeJS.CpuUsage>('cpu')) - cpuMs(serverCpuBefore);
  const paid = statuses.get(201) ?? 0;
  const sellOutSeconds = (lastSuccessAt - firstAt) / 1000;
  return {
    result,
    statuses,
    paid,
    sellOutSeconds,
    ordersPerSec: paid / sellOutSeconds,
    cpuMsPerRequest: {
      loadGenerator: Number((loadCpu / buyers.length).toFixed(3)),
      server: Number((serverCpu / buyers.length).toFixed(3)),
      database: Number((databaseCpu / buyers.length).toFixed(3)),
    },
  };
}

const dataDir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'souk-flash-')) : undefined;
log(`starting Souk on ${kind}${dataDir ? ` in ${dataDir}` : ''}`);
const souk = await Child.start(path.join(here, 'flash-deal/souk.server.ts'), {
  ...(dataDir ? { SOUK_DATA_DIR: dataDir } : {}),
  SOUK_DB_POOL: process.env.SOUK_DB_POOL ?? '8',
});
try {
  log(`setting up the deal and ${buyersCount} buyers`);
  const sale = await souk.call<{ dealId: string; variantId: string; buyers: Buyer[] }>('setup', {
    buyers: buyersCount,
    stock,
  });
  const body = JSON.stringify({
    dealId: sale.dealId,
    items: [{ variantId: sale.variantId, quantity: 1 }],
    shippingAddress: {
      name: 'Buyer',
      line1: '1 Main St',
      city: 'Leeds',
      postalCode: 'LS1 1AA',
      country: 'GB',
    },
    card: { number: '4242424242424242' },
  });

  log(`racing ${buyersCount} buyers for ${stock} units over ${connections} connections`);
  if (flags.profile) await souk.call('profileStart');
  const run = await race(souk, `${souk.url}/api/v1/orders`, sale.buyers, body);
  if (flags.profile) await souk.call('profileStop', { file: path.resolve(flags.profile) });
  const checks = await souk.call<{
    orders: number;
    units: number;
    stock: number;
    sold: number;
    max_per_buyer: number;
    orphans: number;
  }>('verify', { dealId: sale.dealId, variantId: sale.variantId });

  log('measuring the ceiling: single-statement checkout, 8 clients, same database');
  const ceiling = await souk.call<{ ordersPerSec: number }>('ceiling', {
    stock: Number(flags['ceiling-stock']),
    clients: 8,
  });

  log('measuring the HTTP floor: the same load against a bare route running that statement');
  const bare = await souk.call<{ url: string }>('bareStart', { stock });
  const floor = await race(souk, `${bare.url}/checkout`, sale.buyers, body);
  await souk.call('bareStop');

  const share = run.ordersPerSec / ceiling.ordersPerSec;
  const { result } = run;
  const report = {
    database: kind,
    buyers: buyersCount,
    stock,
    connections,
    responses: Object.fromEntries(run.statuses),
    httpOrdersPerSec: Math.round(run.ordersPerSec),
    sellOutSeconds: Number(run.sellOutSeconds.toFixed(2)),
    requestsPerSec: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    cpuMsPerRequest: run.cpuMsPerRequest,
    invariants: checks,
    ceilingOrdersPerSec: Math.round(ceiling.ordersPerSec),
    shareOfCeiling: Number(share.toFixed(2)),
    httpFloor: {
      ordersPerSec: Math.round(floor.ordersPerSec),
      shareOfCeiling: Number((floor.ordersPerSec / ceiling.ordersPerSec).toFixed(2)),
      paid: floor.paid,
      latencyMs: { p50: floor.result.latency.p50, p99: floor.result.latency.p99 },
      cpuMsPerRequest: floor.cpuMsPerRequest,
    },
  };
  console.log(JSON.stringify(report, null, 2));
  const failures: string[] = [];
  if (checks.orders !== stock || checks.units !== stock)
    failures.push(`expected exactly ${stock} orders, got ${checks.orders} (${checks.units} units)`);
  if (checks.stock !== 0 || checks.sold !== stock)
    failures.push(`stock ${checks.stock} and sold ${checks.sold}: stock must be 0 and sold ${stock}`);
  if (checks.max_per_buyer > 1)
    failures.push(`a buyer got ${checks.max_per_buyer} orders over the limit of 1`);
  if (checks.orphans > 0) failures.push(`${checks.orphans} orders without items`);
  if (result.errors > 0) failures.push(`${result.errors} connection errors`);
  if ((run.statuses.get(500) ?? 0) > 0) failures.push(`${run.statuses.get(500)} server errors`);
  if (share < TARGETS.shareOfCeiling)
    failures.push(
      `HTTP checkout ${Math.round(run.ordersPerSec)} orders/s is ${Math.round(share * 100)}% of the ceiling (target ≥ ${TARGETS.shareOfCeiling * 100}%)`,
    );
  if (result.latency.p99 > TARGETS.p99Ms) failures.push(`p99 ${result.latency.p99} ms > ${TARGETS.p99Ms} ms`);
  for (const f of failures) console.log(`MISSED: ${f}`);
  console.log(
    failures.length ? `flash-deal: ${failures.length} target(s) missed` : 'flash-deal: all targets met',
  );
  process.exitCode = failures.length ? 1 : 0;
} finally {
  await souk.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
