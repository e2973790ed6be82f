import { Command } from 'commander';
import { composeModules } from '../app.ts';
import { EventBus } from '../platform/events/outbox.ts';
import { LiveHub } from '../platform/live/live-hub.ts';
import { withDatabase } from './main.ts';

export function userCommand(): Command {
  const user = new Command('user').description('manage people');
  user
    .command('create')
    .description('create a person who can sign in')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--handle <handle>', 'unique handle (letters, digits, _)')
    .requiredOption('--password <password>', 'at least 8 characters')
    .option('--name <name>', 'display name (defaults to the handle)')
    .option('--admin', 'make a platform admin (can verify organizations)', false)
    .action((opts: { email: string; handle: string; password: string; name?: string; admin: boolean }) =>
      withDatabase(async ({ db }) => {
        if (opts.password.length < 8) throw new Error('--password needs at least 8 characters');
        if (!/^[A-Za-z0-9_]{2,30}$/.test(opts.handle))
          throw new Error('--handle must be 2–30 letters, digits or underscores');
        // The full composition, so events the command emits get deliveries for every subscriber.
        const { identity } = composeModules(db, new EventBus(), new LiveHub());
        const id = await identity.service.createUser({
          ...opts,
          name: opts.name ?? opts.handle,
          isAdmin: opts.admin,
        });
        console.log(`created @${opts.handle} (${id})${opts.admin ? ' as a platform admin' : ''}`);
      }),
    );
  return user;
}
