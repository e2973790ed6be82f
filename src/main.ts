import path from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import { type App, buildApp } from './app.ts';
import { type Config, ConfigError, isLoopbackHost } from './config.ts';
import { DEMO_PASSWORD, generateDemoWorld } from './demo/generate.ts';
import { seedDemoModules } from './demo/modules.ts';
import { describeDemoSignIns, findDemoSignIns } from './demo/sign-ins.ts';
import { identityBulk } from './modules/identity/index.ts';
import { diskStorage, s3Storage } from './modules/media/index.ts';
import type { Db } from './platform/db/database.ts';
import { type DbHandle, openDatabase } from './platform/db/kysely.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { serverLogger } from './platform/logging.ts';

/** The address to open in a browser: localhost for loopback and every-interface binds, else the bound address. */
const readyHost = (host: string) =>
  isLoopbackHost(host) || host === '0.0.0.0' || host === '::'
    ? 'localhost'
    : host.includes(':')
      ? `[${host}]`
      : host;

export type Server = { app: App; db: DbHandle; url: string; close(): Promise<void> };

/**
 * Refuses (a ConfigError) to serve the demo world, seeded now or already in the database, on an address other
 * than loopback: its sign-ins share a password printed in the README and the log.
 */
async function refusePublicDemo(db: Db, config: Config): Promise<void> {
  if (config.allowPublicDemo || isLoopbackHost(config.host)) return;
  const seeding = config.seedDemo && !(await identityBulk.hasAnyAccount(db));
  if (!seeding && (await findDemoSignIns(db)).length === 0) return;
  throw new ConfigError(
    `refusing to serve the demo world on ${config.host}: its sign-ins share the published password ${DEMO_PASSWORD}, ` +
      'so anyone who can reach this address could sign in as them.\n' +
      '  Listen on this machine only (HOST=127.0.0.1, the default), or\n' +
      (seeding
        ? '  start without the demo world (--no-demo or SOUK_DEMO=false), or\n'
        : '  use a database without the demo world (SOUK_DATA_DIR or DATABASE_URL), or\n') +
      '  if you mean it, set SOUK_ALLOW_PUBLIC_DEMO=true (or pass --allow-public-demo).',
  );
}

/** Opens the database, migrates, seeds the demo world on an empty database, and listens. */
export async function startServer(
  config: Config,
  options: { logger?: FastifyServerOptions['logger']; logDestination?: NodeJS.WritableStream } = {},
): Promise<Server> {
  const db = await openDatabase({
    ...config,
    onIdleError: (err) =>
      console.error(`souk: a database connection was closed (${err.message}); reconnecting on next use`),
  });
  let applied: Awaited<ReturnType<typeof migrateToLatest>>;
  try {
    applied = await migrateToLatest(db.db);
    await refusePublicDemo(db.db, config);
  } catch (err) {
    await db.close();
    throw err;
  }
  const logging = options.logger ? { logger: options.logger } : serverLogger(config, options.logDestination);
  const app = await buildApp({
    db: db.db,
    config,
    ...logging,
    modules: {
      paymentWebhookSecret: config.paymentWebhookSecret,
      paymentDelayMs: config.paymentDelayMs,
      mail: { smtpUrl: config.smtpUrl, from: config.mailFrom },
      publicUrl: config.publicUrl ?? `http://${readyHost(config.host)}:${config.port}`,
      mediaStorage: config.s3 ? s3Storage(config.s3) : diskStorage(path.join(config.dataDir, 'media')),
      outboundPrivate: config.outboundPrivate,
    },
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

  log.info(`media are stored on ${app.modules.media.storage.describe}`);
  if (app.modules.mail.service.transport === 'outbox')
    log.info(
      'mail goes to the local outbox (no SMTP_URL set): read it with `souk mail list` and `souk mail show <id>`',
    );
  else log.info(`mail is sent through the SMTP server at ${new URL(config.smtpUrl!).host}`);

  if (config.seedDemo) {
    const seeded = await generateDemoWorld(db.db, {
      users: config.demoUsers,
      onlyIfEmpty: true,
      log: (m) => log.info(m),
    });
    if (seeded) {
      await seedDemoModules(app.modules, {
        seed: 1,
        drain: () => app.dispatcher.drain(),
        log: (m) => log.info(m),
      });
      log.info(`seeded a demo world: ${seeded.users} people, ${seeded.brands} brands, ${seeded.posts} posts`);
    }
  }

  app.startBackground();
  const url = await app.app.listen({ port: config.port, host: config.host });
  log.info(`Souk is ready at http://${readyHost(config.host)}:${new URL(url).port}`);
  // On every start, not only the first: a newcomer who restarts still finds how to sign in.
  for (const line of describeDemoSignIns(await findDemoSignIns(db.db))) log.info(line);
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
