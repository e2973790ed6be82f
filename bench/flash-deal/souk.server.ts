// Souk for the flash-deal benchmark: the real server in a child process, with an IPC channel to set up the
// sale, measure the ceilings on the same database, and check the invariants afterwards.
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/main.ts';
import { hashPassword } from '../../src/modules/identity/index.ts';
import { serveParent } from '../child.ts';
import { cpuProfiler } from '../cpu-profiler.ts';

const config = { ...loadConfig(process.env), port: 0, host: '127.0.0.1', seedDemo: false, rateLimits: false };
const server = await startServer(config, { logger: { level: 'warn' } });
const { identity, commerce } = server.app.modules;
const db = server.db.db;

type Buyer = { token: string; csrfToken: string };

async function setup(m: { buyers: number; stock: number }) {
  const passwordHash = await hashPassword('flash deal bench');
  const ownerId = await identity.service.createUser({
    email: 'owner@bench.example',
    password: '',
    passwordHash,
    handle: 'benchowner',
    name: 'Owner',
  });
  const owner = await identity.service.resolvePrincipalForUser(ownerId);
  await identity.orgs.create(owner, { handle: 'flashbrand', name: 'Flash Brand', kind: 'brand' });
  const principal = await identity.service.resolvePrincipalForUser(ownerId);
  const product = await commerce.catalog.create(principal, 'flashbrand', {
    title: 'Flash console',
    priceMinor: 49_900,
    currency: 'EUR',
    variants: [{ sku: 'FLASH-1', stock: m.stock }],
  });
  const deal = await commerce.deals.publish(principal, 'flashbrand', {
    text: 'Flash sale: 1,000 consoles at €10 off, one per person',
    type: 'amount_off',
    valueMinor: 1_000,
    items: [{ productId: product.id }],
    endsAt: new Date(Date.now() + 3600_000).toISOString(),
    quantityCap: m.stock,
    perCustomerLimit: 1,
    audience: 'everyone',
  });
  const buyers: Buyer[] = [];
  for (let i = 0; i < m.buyers; i++) {
    const id = await identity.service.createUser({
      email: `buyer${i}@bench.example`,
      password: '',
      passwordHash,
      handle: `buyer${i}`,
      name: `Buyer ${i}`,
    });
    const session = await identity.service.startSession(id);
    buyers.push({ token: session.token, csrfToken: session.csrfToken });
  }
  return { dealId: deal.id, variantId: product.variants[0].id, buyers };
}

/** What a buyer must never see broken: the orders, the stock, the cap and each buyer's limit. */
async function verify(m: { dealId: string; variantId: string }) {
  const { rows } = await sql<{
    orders: number;
    units: number;
    stock: number;
    sold: number;
    max_per_buyer: number;
    orphans: number;
  }>`
    SELECT
      (SELECT count(*)::int FROM orders WHERE deal_id = ${m.dealId} AND status <> 'cancelled') AS orders,
      (SELECT coalesce(sum(i.quantity), 0)::int FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.deal_id = ${m.dealId} AND o.status <> 'cancelled') AS units,
      (SELECT stock FROM product_variants WHERE id = ${m.variantId}) AS stock,
      (SELECT sold FROM deals WHERE id = ${m.dealId}) AS sold,
      (SELECT coalesce(max(n), 0)::int FROM (SELECT count(*) AS n FROM orders WHERE deal_id = ${m.dealId} AND status <> 'cancelled' GROUP BY buyer_id) b) AS max_per_buyer,
      (SELECT count(*)::int FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)) AS orphans`.execute(
    db,
  );
  return rows[0];
}

/** Fresh tables for the single-statement checkout: one stock row, and an orders table with one index. */
async function ceilingTables(stock: number) {
  await sql`DROP TABLE IF EXISTS bench_ceiling_orders, bench_ceiling_stock`.execute(db);
  await sql`CREATE TABLE bench_ceiling_stock (id int PRIMARY KEY, stock int NOT NULL)`.execute(db);
  await sql`CREATE TABLE bench_ceiling_orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, item int NOT NULL, buyer int NOT NULL, at timestamptz NOT NULL DEFAULT now())`.execute(
    db,
  );
  await sql`INSERT INTO bench_ceiling_stock VALUES (1, ${stock})`.execute(db);
}

/** The single-statement checkout: decrement and insert in one statement; no row when sold out. */
async function checkoutStatement(buyer: number): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`
    WITH u AS (UPDATE bench_ceiling_stock SET stock = stock - 1 WHERE id = 1 AND stock > 0 RETURNING id)
    INSERT INTO bench_ceiling_orders (item, buyer) SELECT id, ${buyer} FROM u RETURNING id`.execute(db);
  return rows[0]?.id;
}

/** The ceiling: the single-statement checkout looped by 8 clients. */
async function ceiling(m: { stock: number; clients: number }) {
  await ceilingTables(m.stock);
  let buyer = 0;
  const started = performance.now();
  const client = async () => {
    while ((await checkoutStatement(buyer++)) !== undefined) {}
  };
  await Promise.all(Array.from({ length: m.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  await sql`DROP TABLE bench_ceiling_orders, bench_ceiling_stock`.execute(db);
  return { ordersPerSec: m.stock / seconds };
}

/**
 * The HTTP floor: a bare Fastify route in this process that runs the single-statement checkout on the same
 * database, so the benchmark can race the same load against it. No auth, no validation, no pricing: what HTTP
 * plus the cheapest correct write cost on this machine, with the load generator beside them.
 */
let bare: FastifyInstance | undefined;
async function bareStart(m: { stock: number }) {
  await ceilingTables(m.stock);
  let buyer = 0;
  const app = Fastify();
  bare = app;
  app.post('/checkout', async (_request, reply) => {
    const id = await checkoutStatement(buyer++);
    return id === undefined ? reply.code(409).send({ code: 'sold_out' }) : reply.code(201).send({ id });
  });
  return { url: (await app.listen({ port: 0, host: '127.0.0.1' })).replace('[::1]', '127.0.0.1') };
}
async function bareStop() {
  await bare?.close();
  await sql`DROP TABLE bench_ceiling_orders, bench_ceiling_stock`.execute(db);
}

const profiler = cpuProfiler();

// biome-ignore lint/suspicious/noExplicitAny: IPC messages are typed at the calling side (flash-deal.bench.ts)
const handlers: Record<string, (msg: any) => Promise<unknown>> = {
  setup,
  verify,
  ceiling,
  bareStart,
  bareStop,
  // A CPU profile of the server over the sale alone (`--profile FILE`), to see where an order's time goes.
  profileStart: profiler.start,
  profileStop: profiler.stop,
  cpu: async () => process.cpuUsage(),
};

serveParent(handlers, server);
