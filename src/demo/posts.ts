import { parseText } from '../modules/social/index.ts';
import type { DemoAccounts } from './accounts.ts';
import { type FollowGraph, followeesBelow } from './graph.ts';
import { type Rng, WeightedSampler } from './random.ts';
import * as text from './text.ts';
import { CATEGORIES } from './vocabulary.ts';

export const DAY_MS = 86_400_000;
export const POST_WINDOW_MS = 60 * DAY_MS;

export type PostKind = 'original' | 'reply' | 'reshare';
export const VISIBILITIES = ['public', 'followers', 'direct'] as const;
const [PUBLIC, FOLLOWERS, DIRECT] = [0, 1, 2];
const KINDS: PostKind[] = ['original', 'reply', 'reshare'];
const [ORIGINAL, REPLY, RESHARE] = [0, 1, 2];

/** Posts in time order (index order is id order), one typed array per column to keep a million of them small. */
export type DemoPosts = {
  count: number;
  author: Int32Array;
  postedBy: Int32Array;
  timeMs: Float64Array;
  /** Index into KINDS. */
  kind: Uint8Array;
  /** Index into VISIBILITIES. */
  visibility: Uint8Array;
  /** Reply parent, reshared original, and the post a reshare was made from; -1 when none. */
  parent: Int32Array;
  root: Int32Array;
  reshareOf: Int32Array;
  reshareParent: Int32Array;
  replyCount: Int32Array;
  reshareCount: Int32Array;
  likeCount: Int32Array;
  text: string[];
  /** Accounts a direct post mentions: its whole audience besides the author. */
  directTo: Map<number, number[]>;
};

export const kindOf = (posts: DemoPosts, i: number): PostKind => KINDS[posts.kind[i]];

/** Timestamps over the last 60 days, busier in the evening, strictly increasing so ids sort like times. */
function postTimes(count: number, rng: Rng, nowMs: number): Float64Array {
  const start = nowMs - POST_WINDOW_MS;
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    for (;;) {
      const t = start + rng.next() * (POST_WINDOW_MS - 3_600_000);
      const hour = (t / 3_600_000) % 24;
      if (rng.next() < 0.55 + 0.45 * Math.sin(((hour - 12) / 24) * 2 * Math.PI)) {
        times[i] = Math.floor(t);
        break;
      }
    }
  }
  times.sort();
  for (let i = 1; i < count; i++) if (times[i] <= times[i - 1]) times[i] = times[i - 1] + 1;
  return times;
}

/** A fixed-size window of recent candidates (posts to reply to or reshare). */
class Ring {
  private readonly items: Int32Array;
  private readonly extra: Int32Array;
  size = 0;
  private next = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.extra = new Int32Array(capacity);
  }

  push(item: number, extra = 0): void {
    this.items[this.next] = item;
    this.extra[this.next] = extra;
    this.next = (this.next + 1) % this.items.length;
    this.size = Math.min(this.size + 1, this.items.length);
  }

  /** A random slot: [item, extra]. */
  pick(rng: Rng): [number, number] {
    const slot = rng.int(this.size);
    return [this.items[slot], this.extra[slot]];
  }
}

function emptyPosts(count: number, times: Float64Array): DemoPosts {
  const minusOne = () => new Int32Array(count).fill(-1);
  return {
    count,
    author: new Int32Array(count),
    postedBy: new Int32Array(count),
    timeMs: times,
    kind: new Uint8Array(count),
    visibility: new Uint8Array(count),
    parent: minusOne(),
    root: new Int32Array(count),
    reshareOf: minusOne(),
    reshareParent: minusOne(),
    replyCount: new Int32Array(count),
    reshareCount: new Int32Array(count),
    likeCount: new Int32Array(count),
    text: new Array<string>(count),
    directTo: new Map(),
  };
}

/** How often each account posts: brands and people with many followers post more. */
function activity(accounts: DemoAccounts, weights: Float64Array, rng: Rng): Float64Array {
  const out = new Float64Array(accounts.list.length);
  let peopleSum = 0;
  for (let i = accounts.firstPerson; i < out.length; i++) {
    out[i] = Math.exp(0.9 * rng.normal()) * (weights[i] / 0.001) ** 0.35;
    if (i === accounts.demo) out[i] = Math.max(out[i], 3);
    peopleSum += out[i];
  }
  let brandRank = 0;
  for (let i = 0; i < accounts.brands; i++) brandRank += (i + 1) ** -0.3;
  // Brands write about an eighth of the original posts; resellers post like busy people.
  for (let i = 0; i < accounts.brands; i++) out[i] = ((0.14 * peopleSum) / brandRank) * (i + 1) ** -0.3;
  for (let i = accounts.brands; i < accounts.firstPerson; i++) out[i] = 2;
  return out;
}

type Inputs = {
  accounts: DemoAccounts;
  graph: FollowGraph;
  pull: Float64Array;
  handleIndex: Map<string, number>;
};

/** Builds the posts one by one in time order, so replies and reshares always point at earlier posts. */
export class PostBuilder {
  private readonly posts: DemoPosts;
  private readonly authors: WeightedSampler;
  private readonly people: WeightedSampler;
  private readonly brandPicker: WeightedSampler;
  private readonly publicRing = new Ring(2048);
  private readonly brandMentions = new Ring(1024);
  private readonly reshareRing = new Ring(512);
  private readonly brandReplied = new Set<number>();
  private readonly reshared = new Set<number>();
  private readonly owners: Int32Array;

  constructor(
    private readonly inputs: Inputs,
    count: number,
    private readonly rng: Rng,
    timeRng: Rng,
    nowMs: number,
  ) {
    const { accounts, pull } = inputs;
    this.posts = emptyPosts(count, postTimes(count, timeRng, nowMs));
    const weights = activity(accounts, pull, rng);
    this.authors = new WeightedSampler(weights);
    this.people = new WeightedSampler(weights.subarray(accounts.firstPerson));
    this.brandPicker = new WeightedSampler(pull.subarray(0, accounts.brands));
    this.owners = new Int32Array(accounts.firstPerson);
    for (const m of [...accounts.members].reverse()) if (m.role === 'owner') this.owners[m.org] = m.user;
  }

  build(): DemoPosts {
    for (let i = 0; i < this.posts.count; i++) {
      const r = this.rng.next();
      const done = (r < 0.2 && this.reply(i)) || (r < 0.3 && this.reshare(i));
      if (!done) this.original(i, this.authors.sample(this.rng));
    }
    return this.posts;
  }

  private handle(a: number): string {
    return this.inputs.accounts.list[a].handle;
  }

  private person(): number {
    return this.inputs.accounts.firstPerson + this.people.sample(this.rng);
  }

  private place(i: number, author: number, kind: number, visibility: number, body: string): void {
    const p = this.posts;
    p.author[i] = author;
    p.postedBy[i] = author < this.inputs.accounts.firstPerson ? this.owners[author] : author;
    p.kind[i] = kind;
    p.visibility[i] = visibility;
    p.root[i] = i;
    p.text[i] = body;
    if (visibility === PUBLIC && kind !== RESHARE) this.publicRing.push(i);
  }

  private original(i: number, author: number): void {
    const { accounts } = this.inputs;
    if (author >= accounts.firstPerson) {
      this.personPost(i, author);
      return;
    }
    const isBrand = author < accounts.brands;
    const category = CATEGORIES[isBrand ? accounts.list[author].category : this.rng.int(CATEGORIES.length)];
    this.place(
      i,
      author,
      ORIGINAL,
      PUBLIC,
      text.brandPost(this.rng, { brandHandle: this.handle(author), category }),
    );
  }

  /** A brand the person follows (usually) or a popular one. */
  private brandFor(a: number): number {
    const { graph, accounts } = this.inputs;
    const followed = followeesBelow(graph, a, accounts.brands);
    if (followed > 0 && this.rng.chance(0.75))
      return graph.targets[graph.offsets[a] + this.rng.int(followed)];
    return this.brandPicker.sample(this.rng);
  }

  /** A person the author follows, or -1. */
  private friendOf(a: number): number {
    const { graph, accounts } = this.inputs;
    const start = graph.offsets[a] + followeesBelow(graph, a, accounts.firstPerson);
    const end = graph.offsets[a + 1];
    return end > start ? graph.targets[start + this.rng.int(end - start)] : -1;
  }

  private personPost(i: number, a: number): void {
    const r = this.rng.next();
    if (r < 0.015) {
      this.directPost(i, a);
      return;
    }
    const visibility = r < 0.055 ? FOLLOWERS : PUBLIC;
    const kind = this.rng.next();
    const friend = this.friendOf(a);
    if (kind < 0.55) {
      const brand = this.brandFor(a);
      const category = CATEGORIES[this.inputs.accounts.list[brand].category];
      this.place(
        i,
        a,
        ORIGINAL,
        visibility,
        text.personBrandPost(this.rng, { brandHandle: this.handle(brand), category }),
      );
      if (visibility === PUBLIC) this.brandMentions.push(i, brand);
    } else if (kind < 0.68 && friend >= 0) {
      const category = this.rng.pick(CATEGORIES);
      this.place(
        i,
        a,
        ORIGINAL,
        visibility,
        text.personFriendPost(this.rng, { personHandle: this.handle(friend), category }),
      );
    } else {
      this.place(i, a, ORIGINAL, visibility, text.lifePost(this.rng));
    }
  }

  private directPost(i: number, a: number): void {
    const friend = this.rng.chance(0.6) ? this.friendOf(a) : -1;
    const brand = this.brandFor(a);
    const ctx = {
      personHandle: friend >= 0 ? this.handle(friend) : undefined,
      brandHandle: this.handle(brand),
      category: CATEGORIES[this.inputs.accounts.list[brand].category],
    };
    const body = text.directPost(this.rng, ctx);
    this.place(i, a, ORIGINAL, DIRECT, body);
    const to = parseText(body).mentions.map((m) => this.inputs.handleIndex.get(m.handle.toLowerCase()) ?? -1);
    this.posts.directTo.set(i, [...new Set(to.filter((x) => x >= 0 && x !== a))]);
  }

  private asReply(i: number, parent: number, author: number, visibility: number, body: string): void {
    this.place(i, author, REPLY, visibility, body);
    this.posts.parent[i] = parent;
    this.posts.root[i] = this.posts.root[parent];
    if (visibility === PUBLIC) this.posts.replyCount[parent]++;
  }

  /** Brands answer posts that mention them; people reply to recent public posts (and thank the brand). */
  private reply(i: number): boolean {
    const { rng, posts } = this;
    if (rng.chance(0.45) && this.brandMentions.size > 0) {
      const [post, brand] = this.brandMentions.pick(rng);
      if (!this.brandReplied.has(post)) {
        this.brandReplied.add(post);
        const category = CATEGORIES[this.inputs.accounts.list[brand].category];
        const ctx = {
          brandHandle: this.handle(brand),
          customerHandle: this.handle(posts.author[post]),
          category,
        };
        this.asReply(i, post, brand, PUBLIC, text.brandReply(rng, ctx));
        return true;
      }
    }
    if (this.publicRing.size === 0) return false;
    const [parent] = this.publicRing.pick(rng);
    const parentAuthor = posts.author[parent];
    const grand = posts.parent[parent];
    const thanking = parentAuthor < this.inputs.accounts.brands && grand >= 0 && rng.chance(0.5);
    let author = thanking ? posts.author[grand] : this.person();
    for (let tries = 0; author === parentAuthor && tries < 3; tries++) author = this.person();
    if (author === parentAuthor) return false;
    const ctx = { parentHandle: this.handle(parentAuthor), category: rng.pick(CATEGORIES) };
    this.asReply(i, parent, author, rng.chance(0.05) ? FOLLOWERS : PUBLIC, text.personReply(rng, ctx));
    return true;
  }

  /** Reshares of recent public posts, or of reshares of them (the chain is kept); the more followed author wins. */
  private reshare(i: number): boolean {
    const { rng, posts } = this;
    const ring = this.reshareRing.size > 0 && rng.chance(0.4) ? this.reshareRing : this.publicRing;
    if (ring.size === 0) return false;
    const [a] = ring.pick(rng);
    const [b] = ring.pick(rng);
    const target = this.inputs.pull[posts.author[a]] >= this.inputs.pull[posts.author[b]] ? a : b;
    const original = posts.reshareOf[target] >= 0 ? posts.reshareOf[target] : target;
    for (let tries = 0; tries < 4; tries++) {
      const author = this.person();
      const key = original * 2_097_152 + author;
      if (author === posts.author[original] || author === posts.author[target] || this.reshared.has(key))
        continue;
      this.reshared.add(key);
      this.place(i, author, RESHARE, PUBLIC, '');
      posts.reshareOf[i] = original;
      posts.reshareParent[i] = target;
      posts.reshareCount[original]++;
      this.reshareRing.push(i);
      return true;
    }
    return false;
  }
}

export type DemoLikes = { post: Int32Array; account: Int32Array; timeMs: Float64Array };

/** Likes on public posts (a reshare's likes go to its original), more for authors with more followers. */
export function buildLikes(
  posts: DemoPosts,
  accounts: DemoAccounts,
  pull: Float64Array,
  perPost: number,
  rng: Rng,
  nowMs: number,
): DemoLikes {
  const eligible = (i: number) => posts.visibility[i] === PUBLIC && posts.kind[i] !== RESHARE;
  let weightSum = 0;
  let eligibleCount = 0;
  for (let i = 0; i < posts.count; i++) {
    if (!eligible(i)) continue;
    weightSum += Math.sqrt(pull[posts.author[i]]);
    eligibleCount++;
  }
  const people = accounts.list.length - accounts.firstPerson;
  const maxLikes = Math.max(1, Math.min(5000, Math.floor(people / 2)));
  const out = { post: [] as number[], account: [] as number[], timeMs: [] as number[] };
  for (let i = 0; i < posts.count; i++) {
    if (!eligible(i)) continue;
    const mean = (perPost * eligibleCount * Math.sqrt(pull[posts.author[i]])) / weightSum;
    const want = Math.min(maxLikes, Math.floor(-Math.log(1 - rng.next()) * mean + rng.next()));
    const likers = new Set<number>();
    for (let tries = 0; likers.size < want && tries < 3 * want; tries++) {
      const liker = accounts.firstPerson + rng.int(people);
      if (liker !== posts.author[i]) likers.add(liker);
    }
    for (const liker of likers) {
      out.post.push(i);
      out.account.push(liker);
      out.timeMs.push(
        Math.min(nowMs - 1000, posts.timeMs[i] + Math.floor(-Math.log(1 - rng.next()) * 6 * 3_600_000)),
      );
    }
    posts.likeCount[i] = likers.size;
  }
  return {
    post: Int32Array.from(out.post),
    account: Int32Array.from(out.account),
    timeMs: Float64Array.from(out.timeMs),
  };
}
