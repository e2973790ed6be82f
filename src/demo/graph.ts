import type { DemoAccounts } from './accounts.ts';
import { type Rng, WeightedSampler } from './random.ts';

/** Followees by follower, compressed: account a follows targets[offsets[a] .. offsets[a + 1]), ascending. */
export type FollowGraph = { offsets: Int32Array; targets: Int32Array };

// A person's pull is a Pareto draw (tail index 1.2): most people have a handful of followers, a few have
// thousands. Brands get a Zipf-like share together worth about a third of all pull, most of it in the top ones.
const PERSON_MIN_PULL = 0.001;
const PERSON_TAIL = 1.2;
const BRAND_SHARE = 0.35;
const BRAND_ZIPF = 0.7;

/** How likely each account is to be followed; follower counts come out power-law distributed. */
export function pull(accounts: DemoAccounts, rng: Rng): Float64Array {
  const { list, brands, firstPerson } = accounts;
  const weights = new Float64Array(list.length);
  const people = list.length - firstPerson;
  const meanPull = (PERSON_MIN_PULL * PERSON_TAIL) / (PERSON_TAIL - 1);
  const cap = Math.max(0.05, 0.02 * people * meanPull); // nobody outgrows 2% of all the people's pull
  let peopleSum = 0;
  for (let i = firstPerson; i < list.length; i++) {
    weights[i] = Math.min(cap, rng.pareto(PERSON_MIN_PULL, PERSON_TAIL));
    peopleSum += weights[i];
  }
  for (let i = brands; i < firstPerson; i++) weights[i] = 3 * PERSON_MIN_PULL;
  let zipfSum = 0;
  for (let i = 0; i < brands; i++) zipfSum += (i + 1) ** -BRAND_ZIPF;
  const scale = ((BRAND_SHARE / (1 - BRAND_SHARE)) * peopleSum) / zipfSum;
  for (let i = 0; i < brands; i++) weights[i] = scale * (i + 1) ** -BRAND_ZIPF;
  return weights;
}

/** How many accounts one person follows: log-normal, median 18, a long tail of heavy followers. */
function followCount(rng: Rng, max: number): number {
  return Math.max(3, Math.min(max, Math.round(Math.exp(Math.log(18) + 0.8 * rng.normal()))));
}

/** Whom each person follows, drawn by pull (organizations follow nobody); the demo person follows six brands. */
export function buildFollows(accounts: DemoAccounts, weights: Float64Array, rng: Rng): FollowGraph {
  const n = accounts.list.length;
  const sampler = new WeightedSampler(weights);
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const maxFollows = Math.max(3, Math.min(1000, Math.floor(n / 3)));
  for (let a = 0; a < n; a++) {
    offsets[a] = targets.length;
    if (a < accounts.firstPerson) continue;
    const chosen = new Set<number>();
    if (a === accounts.demo || a === accounts.team) {
      const brandsToFollow = a === accounts.demo ? Math.min(6, accounts.brands) : 1;
      for (let b = 0; b < brandsToFollow; b++) chosen.add(b);
    }
    const want = chosen.size + followCount(rng, maxFollows);
    for (let tries = 0; chosen.size < want && tries < 4 * want + 20; tries++) {
      const target = sampler.sample(rng);
      if (target !== a) chosen.add(target);
    }
    for (const t of [...chosen].sort((x, y) => x - y)) targets.push(t);
  }
  offsets[n] = targets.length;
  return { offsets, targets: Int32Array.from(targets) };
}

/** Whether `follower` follows `followee` (binary search in the follower's sorted list). */
export function follows(graph: FollowGraph, follower: number, followee: number): boolean {
  let lo = graph.offsets[follower];
  let hi = graph.offsets[follower + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = graph.targets[mid];
    if (v === followee) return true;
    if (v < followee) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Followees of `a` below `limit` (brands come first in account order, so `limit = brands` gives followed brands). */
export function followeesBelow(graph: FollowGraph, a: number, limit: number): number {
  let count = 0;
  for (let i = graph.offsets[a]; i < graph.offsets[a + 1] && graph.targets[i] < limit; i++) count++;
  return count;
}
