import { hashPassword, identityBulk } from '../modules/identity/index.ts';
import { analyzeDatabase, deferSecondaryIndexes } from '../platform/db/bulk-load.repo.ts';
import type { Db } from '../platform/db/database.ts';
import type { Taken } from './accounts.ts';
import { createProgress } from './progress.ts';
import { Rng } from './random.ts';
import { buildWorld } from './world.ts';
import { writeAccounts, writeFollows, writeHomes, writeLikes, writePosts } from './write.ts';

/** Every demo sign-in shares this password (and one argon2 hash, computed once). */
export const DEMO_PASSWORD = 'souk-demo-2026';

export type DemoWorldOptions = {
  /** People to create (brands and resellers come on top: about one brand per 100 people, at least 8). */
  users: number;
  /** Posts, replies and reshares together; default 5 per person. */
  posts?: number;
  seed?: number;
  /** Return null without writing when the database already has an account. */
  onlyIfEmpty?: boolean;
  log?: (msg: string) => void;
  /** A progress bar on stderr, for long runs from a terminal. */
  progress?: boolean;
  /** The clock the world is built around (posts span the 60 days before it); fix it for identical ids. */
  now?: Date;
  /**
   * Newest entries materialized per home timeline (default 100: five pages), which bounds the work.
   * Older posts are not in anyone's home, as if a fan-out had trimmed them; profiles, threads and search
   * still show them.
   */
  homeCap?: number;
};

export type DemoWorldSummary = { users: number; brands: number; posts: number; loginHint: string };

const DEFAULT_POSTS_PER_PERSON = 5;
const DEFAULT_HOME_CAP = 100;
const LIKES_PER_POST = 1.5;

async function takenNames(db: Db, nonEmpty: boolean): Promise<Taken> {
  if (!nonEmpty) return { handles: new Set(), emails: new Set() };
  const taken = await identityBulk.takenHandlesAndEmails(db);
  return { handles: new Set(taken.handles), emails: new Set(taken.emails) };
}

/**
 * Builds a believable, deterministic world (same seed and clock, same world): brands, resellers, people with
 * power-law follower counts, posts in plain English with mentions, hashtags and links, replies (brands
 * answering customers), reshare chains, likes, and materialized home timelines. Written in one transaction,
 * so a failed run leaves the database as it was. Writes no outbox events: the world is history, not news.
 */
export async function generateDemoWorld(db: Db, opts: DemoWorldOptions): Promise<DemoWorldSummary | null> {
  if (!Number.isInteger(opts.users) || opts.users < 10)
    throw new RangeError('users must be a whole number of at least 10');
  const nonEmpty = await identityBulk.hasAnyAccount(db);
  if (nonEmpty && opts.onlyIfEmpty) return null;
  const startedAt = performance.now();
  const nowMs = (opts.now ?? new Date()).getTime();
  const seed = opts.seed ?? 1;
  const spec = {
    people: opts.users,
    posts: opts.posts ?? opts.users * DEFAULT_POSTS_PER_PERSON,
    seed,
    nowMs,
    homeCap: opts.homeCap ?? DEFAULT_HOME_CAP,
    likesPerPost: LIKES_PER_POST,
  };
  const world = buildWorld(spec, await takenNames(db, nonEmpty));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const progress = createProgress({ bar: opts.progress ?? false, log: opts.log });
  let homeRows = 0;
  await db.transaction().execute(async (trx) => {
    // On an empty database nobody else can be reading yet, so secondary indexes are rebuilt once at the end.
    const deferred = nonEmpty ? undefined : await deferSecondaryIndexes(trx);
    await writeAccounts(trx, world, passwordHash, progress);
    await writeFollows(trx, world, new Rng(seed).fork('follow-times'), nowMs, progress);
    await writePosts(trx, world, progress);
    await writeLikes(trx, world, progress);
    homeRows = await writeHomes(trx, world, progress);
    if (deferred) {
      progress.phase('rebuilt indexes', deferred.count);
      await deferred.rebuild(() => progress.tick(1));
    }
  });
  progress.done();
  // Fresh statistics, so the planner knows the tables are no longer empty (PGlite runs no autovacuum).
  await analyzeDatabase(db);
  const { accounts } = world;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  opts.log?.(
    `demo: built ${accounts.list.length.toLocaleString('en')} accounts, ${world.graph.targets.length.toLocaleString('en')} follows, ${world.posts.count.toLocaleString('en')} posts, ${world.likes.post.length.toLocaleString('en')} likes and ${homeRows.toLocaleString('en')} home timeline entries in ${seconds} s`,
  );
  return {
    users: accounts.list.length - accounts.firstPerson,
    brands: accounts.brands,
    posts: world.posts.count,
    loginHint: loginHint(world.accounts),
  };
}

function loginHint(accounts: ReturnType<typeof buildWorld>['accounts']): string {
  const email = (i: number) => (i >= 0 ? accounts.list[i].email : null);
  const others = [
    email(accounts.team) && `brand team of @${accounts.list[0].handle}: ${email(accounts.team)}`,
    email(accounts.admin) && `admin: ${email(accounts.admin)}`,
  ].filter(Boolean);
  const main = email(accounts.demo) ?? others.shift();
  if (!main) return 'no demo sign-in (their handles or emails were taken)';
  return `${main} / ${DEMO_PASSWORD}${others.length ? ` (also ${others.join(', ')}; same password)` : ''}`;
}
