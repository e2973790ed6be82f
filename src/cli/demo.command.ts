import { Command } from 'commander';
import { generateDemoWorld } from '../demo/generate.ts';
import { positiveInt, withDatabase } from './main.ts';

export function demoCommand(): Command {
  return new Command('demo')
    .description('seed a deterministic demo world into an empty database (brands, people, follows, posts)')
    .option('--users <n>', 'people to create', positiveInt, 2000)
    .option('--posts <n>', 'posts to create (default: 5 per person)', positiveInt)
    .option('--seed <n>', 'random seed: the same seed builds the same world', positiveInt, 1)
    .action((opts: { users: number; posts?: number; seed: number }) =>
      withDatabase(async ({ db, kind, location }) => {
        const world = await generateDemoWorld(db, {
          ...opts,
          onlyIfEmpty: true,
          progress: true,
          log: console.log,
        });
        if (!world) {
          console.error(
            `souk: the ${kind} database at ${location} already has accounts; seed into an empty one (SOUK_DATA_DIR or DATABASE_URL)`,
          );
          process.exitCode = 1;
          return;
        }
        console.log(
          `seeded ${world.users} people, ${world.brands} brands, ${world.posts} posts into ${kind} at ${location}`,
        );
        console.log(world.loginHint);
      }),
    );
}
