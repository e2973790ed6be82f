import { newId } from '../platform/ids.ts';
import { buildAccounts, type DemoAccounts, type Taken } from './accounts.ts';
import { buildFollows, type FollowGraph, pull } from './graph.ts';
import { HomeTimelines } from './home.ts';
import { buildLikes, type DemoLikes, type DemoPosts, PostBuilder } from './posts.ts';
import { Rng } from './random.ts';

export type WorldSpec = {
  people: number;
  posts: number;
  seed: number;
  nowMs: number;
  /** Newest entries kept per home timeline. */
  homeCap: number;
  likesPerPost: number;
};

/** The whole world in memory, before anything is written: pure and deterministic for a seed and a clock. */
export type DemoWorld = {
  accounts: DemoAccounts;
  pull: Float64Array;
  graph: FollowGraph;
  posts: DemoPosts;
  postIds: string[];
  likes: DemoLikes;
  homes: HomeTimelines;
};

export function buildWorld(spec: WorldSpec, taken: Taken): DemoWorld {
  // Each part draws from its own stream, so changing how posts are made leaves the accounts and follows as they were.
  const rng = new Rng(spec.seed);
  const accounts = buildAccounts(spec.people, rng.fork('accounts'), spec.nowMs, taken);
  const weights = pull(accounts, rng.fork('pull'));
  const graph = buildFollows(accounts, weights, rng.fork('follows'));
  const handleIndex = new Map(accounts.list.map((a, i) => [a.handle.toLowerCase(), i]));
  const inputs = { accounts, graph, pull: weights, handleIndex };
  // Times draw from their own stream: the texts and threads of a seed do not depend on the clock.
  const posts = new PostBuilder(
    inputs,
    spec.posts,
    rng.fork('posts'),
    rng.fork('post-times'),
    spec.nowMs,
  ).build();
  const likes = buildLikes(posts, accounts, weights, spec.likesPerPost, rng.fork('likes'), spec.nowMs);
  const idRng = rng.fork('post-ids');
  const postIds = Array.from({ length: posts.count }, (_, i) => newId(posts.timeMs[i], idRng.bytes16()));
  const homes = new HomeTimelines(posts, graph, accounts.list.length, spec.homeCap);
  return { accounts, pull: weights, graph, posts, postIds, likes, homes };
}
