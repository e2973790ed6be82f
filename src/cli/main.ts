import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/kysely.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { careCommand } from './care.command.ts';
import { demoCommand } from './demo.command.ts';
import { eventsCommand } from './events.command.ts';
import { listenCommand } from './listen.command.ts';
import { mailCommand } from './mail.command.ts';
import { userCommand } from './user.command.ts';

export const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
};

/** Opens the configured database (PGlite in SOUK_DATA_DIR, or DATABASE_URL), migrated, for one command. */
export async function withDatabase<T>(
  fn: (handle: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const handle = await openDatabase(loadConfig());
  try {
    await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

type StartOptions = {
  port?: number;
  host?: string;
  dataDir?: string;
  demo: boolean;
  demoUsers?: number;
  allowPublicDemo?: boolean;
};

const program = new Command()
  .name('souk')
  .description(
    'Souk: a self-hostable social commerce platform.\nDatabase: embedded PGlite in SOUK_DATA_DIR (default ./data), or a PostgreSQL server via DATABASE_URL.',
  )
  .showHelpAfterError();

program
  .command('start')
  .description('migrate, seed a demo world on an empty database, and serve the web app and API')
  .addOption(new Option('-p, --port <port>', 'port to listen on').env('PORT').argParser(positiveInt))
  .option('--host <address>', 'address to listen on (env HOST, default 127.0.0.1: this machine only)')
  .option('--data-dir <dir>', 'PGlite data directory (env SOUK_DATA_DIR)')
  .option('--no-demo', 'start with an empty database instead of seeding the demo world')
  .option('--demo-users <n>', 'people in the demo world', positiveInt)
  .option(
    '--allow-public-demo',
    'serve the demo world (published passwords) on a non-loopback address (env SOUK_ALLOW_PUBLIC_DEMO)',
  )
  .action(async (opts: StartOptions) => {
    const { startServer } = await import('../main.ts');
    const config = loadConfig({
      ...process.env,
      ...(opts.port !== undefined ? { PORT: String(opts.port) } : {}),
      ...(opts.host ? { HOST: opts.host } : {}),
      ...(opts.dataDir ? { SOUK_DATA_DIR: opts.dataDir } : {}),
      ...(opts.demo ? {} : { SOUK_DEMO: 'false' }),
      ...(opts.demoUsers ? { SOUK_DEMO_USERS: String(opts.demoUsers) } : {}),
      ...(opts.allowPublicDemo ? { SOUK_ALLOW_PUBLIC_DEMO: 'true' } : {}),
    });
    const server = await startServer(config);
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(() =>
    withDatabase(async (handle) => {
      console.log(`${handle.kind} at ${handle.location}: schema is up to date`);
    }),
  );

program.addCommand(demoCommand());
program.addCommand(userCommand());
program.addCommand(eventsCommand());
program.addCommand(careCommand());
program.addCommand(mailCommand());
program.addCommand(listenCommand());

program.parseAsync().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(`souk: ${err.message}`);
    process.exit(2);
  }
  console.error(err instanceof Error ? `souk: ${err.message}` : err);
  process.exit(1);
});
