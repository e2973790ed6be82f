import type { FastifyServerOptions } from 'fastify';
import { type App, buildApp } from './app.ts';
import type { Config } from './config.ts';
import { seedDemoCare } from './demo/care.ts';
import { seedDemoCommerce } from './demo/commerce.ts';
import { generateDemoWorld } from './demo/generate.ts';
import { type DbHandle, openDatabase } from './platform/db/kysely.ts';
import { migrateToLatest } from './platform/db/migrate.ts';

export type Server = { app: App; db: DbHandle; url: string; close(): Promise<void> };

/** Opens the database, migrates, seeds the demo world on an empty database, and listens. */
export async function startServer(
  config: Config,
  options: { logger?: FastifyServerOptions['logger'] } = {},
): Promise<Server> {
  const db = await openDatabase({
    ...config,
    onIdleError: (err) =>
      console.error(`souk: a database connection was closed (${err.message}); reconnecting on next use`),
  });
  const applied = await migrateToLatest(db.db);
  const app = await buildApp({
    db: db.db,
    config,
    logger: options.logger ?? { level: config.logLevel },
    modules: { paymentWebhookSecret: config.paymentWebhookSecret, paymentDelayMs: config.paymentDelayMs },
    // On a PostgreSQL server deliveries run side by side (each waits mostly on its commit), leaving half the pool
    // to requests; PGlite has one connection, so one loop.
    dispatchWorkers: db.kind === 'postgres' ? Math.max(1, Math.floor(config.poolSize / 2)) : 1,
  });
  const log = app.app.log;
  log.info(
    { database: db.kind, location: db.location, migrationsApplied: applied.length },
    `opened ${db.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server'} database at ${db.location}`,
  );
  if (db.kind === 'pglite')
    log.info(
      'the embedded database is for trying Souk and single-user installs; run production on a PostgreSQL server (DATABASE_URL)',
    );

  if (config.seedDemo) {
    const seeded = await generateDemoWorld(db.db, {
      users: config.demoUsers,
      onlyIfEmpty: true,
      log: (m) => log.info(m),
    });
    if (seeded) {
      await seedDemoCommerce(app.modules, { seed: 1, log: (m) => log.info(m) });
      await seedDemoCare(app.modules, { log: (m) => log.info(m) });
      log.info(
        `seeded a demo world: ${seeded.users} people, ${seeded.brands} brands, ${seeded.posts} posts (sign in as ${seeded.loginHint})`,
      );
    }
  }

  app.startBackground();
  const url = await app.app.listen({ port: config.port, host: config.host });
  log.info(`Souk is ready at http://localhost:${new URL(url).port}`);
  return {
    app,
    db,
    url,
    async close() {
      await app.app.close();
      await app.stopBackground();
      await db.close();
    },
  };
}
