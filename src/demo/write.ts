import { identityBulk } from '../modules/identity/index.ts';
import {
  type BulkFollow,
  type BulkHomeEntry,
  type BulkLike,
  type BulkPost,
  parseText,
  resolveEntities,
  socialBulk,
} from '../modules/social/index.ts';
import type { Executor } from '../platform/db/database.ts';
import { VISIBILITIES } from './posts.ts';
import type { Progress } from './progress.ts';
import type { Rng } from './random.ts';
import type { DemoWorld } from './world.ts';

// Rows per statement: large enough to amortise the round trip, small enough to keep each statement's
// parameters (and PGlite's copy of them) to a few megabytes.
const BATCH = { accounts: 2000, follows: 20_000, posts: 2000, likes: 20_000, homeOwners: 500 };

async function inBatches(
  total: number,
  size: number,
  progress: Progress,
  write: (start: number, end: number) => Promise<void>,
) {
  for (let start = 0; start < total; start += size) {
    const end = Math.min(total, start + size);
    await write(start, end);
    progress.tick(end - start);
  }
}

export async function writeAccounts(
  trx: Executor,
  world: DemoWorld,
  passwordHash: string,
  progress: Progress,
): Promise<void> {
  const { list, members } = world.accounts;
  progress.phase('accounts', list.length);
  await inBatches(list.length, BATCH.accounts, progress, async (start, end) => {
    const slice = list.slice(start, end);
    await identityBulk.insertAccounts(
      trx,
      slice.map((a) => ({ ...a, avatar_url: null, created_at: new Date(a.createdAtMs) })),
    );
    const users = slice.filter((a) => a.email !== null);
    await identityBulk.insertUsers(
      trx,
      users.map((a) => ({
        account_id: a.id,
        email: a.email!,
        password_hash: passwordHash,
        is_admin: a.isAdmin,
        created_at: new Date(a.createdAtMs),
      })),
    );
  });
  await identityBulk.insertMembers(
    trx,
    members.map((m) => ({ org_id: list[m.org].id, user_id: list[m.user].id, role: m.role })),
  );
}

/** Account indices in id order: rows keyed by account id then go into their primary keys in order. */
const byId = (world: DemoWorld) =>
  world.accounts.list
    .map((_, i) => i)
    .sort((x, y) => (world.accounts.list[x].id < world.accounts.list[y].id ? -1 : 1));

export async function writeFollows(
  trx: Executor,
  world: DemoWorld,
  rng: Rng,
  nowMs: number,
  progress: Progress,
): Promise<void> {
  const { graph, accounts } = world;
  const list = accounts.list;
  let rows: BulkFollow[] = [];
  const flush = async () => {
    await socialBulk.insertFollows(trx, rows);
    progress.tick(rows.length);
    rows = [];
  };
  progress.phase('follows', graph.targets.length);
  for (const a of byId(world)) {
    const followees = Array.from(graph.targets.subarray(graph.offsets[a], graph.offsets[a + 1]));
    followees.sort((x, y) => (list[x].id < list[y].id ? -1 : 1));
    for (const f of followees) {
      const since = Math.max(list[a].createdAtMs, list[f].createdAtMs);
      rows.push({
        follower_id: list[a].id,
        followee_id: list[f].id,
        created_at: new Date(since + rng.next() * (nowMs - since)),
      });
    }
    if (rows.length >= BATCH.follows) await flush();
  }
  await flush();
}

export async function writePosts(trx: Executor, world: DemoWorld, progress: Progress): Promise<void> {
  const { posts, postIds, accounts } = world;
  const idsByHandle = new Map(accounts.list.map((a) => [a.handle.toLowerCase(), a.id]));
  const idOf = (i: number) => (i >= 0 ? postIds[i] : null);
  progress.phase('posts', posts.count);
  await inBatches(posts.count, BATCH.posts, progress, async (start, end) => {
    const rows: BulkPost[] = [];
    for (let i = start; i < end; i++) {
      rows.push({
        id: postIds[i],
        author_id: accounts.list[posts.author[i]].id,
        posted_by: accounts.list[posts.postedBy[i]].id,
        text: posts.text[i],
        visibility: VISIBILITIES[posts.visibility[i]],
        in_reply_to_id: idOf(posts.parent[i]),
        thread_root_id: postIds[posts.root[i]],
        reshare_of_id: idOf(posts.reshareOf[i]),
        reshare_parent_id: idOf(posts.reshareParent[i]),
        // The same parse the API runs, so offsets and resolved mentions are what a user's post would get.
        entities: resolveEntities(parseText(posts.text[i]), idsByHandle),
        reply_count: posts.replyCount[i],
        reshare_count: posts.reshareCount[i],
        like_count: posts.likeCount[i],
        created_at: new Date(posts.timeMs[i]),
      });
    }
    await socialBulk.insertPosts(trx, rows);
  });
}

export async function writeLikes(trx: Executor, world: DemoWorld, progress: Progress): Promise<void> {
  const { likes, postIds, accounts } = world;
  progress.phase('likes', likes.post.length);
  await inBatches(likes.post.length, BATCH.likes, progress, async (start, end) => {
    const rows: BulkLike[] = [];
    for (let i = start; i < end; i++) {
      rows.push({
        post_id: postIds[likes.post[i]],
        account_id: accounts.list[likes.account[i]].id,
        created_at: new Date(likes.timeMs[i]),
      });
    }
    await socialBulk.insertLikes(trx, rows);
  });
}

/** Fills every account's home timeline (capped at its newest entries), owners in id order; returns the rows written. */
export async function writeHomes(trx: Executor, world: DemoWorld, progress: Progress): Promise<number> {
  const { accounts, homes, postIds, posts } = world;
  const owners = byId(world).map((i) => ({ id: accounts.list[i].id, i }));
  let written = 0;
  progress.phase('home timelines', owners.length);
  await inBatches(owners.length, BATCH.homeOwners, progress, async (start, end) => {
    const rows: BulkHomeEntry[] = [];
    for (const owner of owners.slice(start, end)) {
      for (const p of homes.entries(owner.i).reverse()) {
        rows.push({ owner_id: owner.id, post_id: postIds[p], author_id: accounts.list[posts.author[p]].id });
      }
    }
    await socialBulk.insertHomeEntries(trx, rows);
    written += rows.length;
  });
  return written;
}
