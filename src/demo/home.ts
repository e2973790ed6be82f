import type { FollowGraph } from './graph.ts';
import { follows } from './graph.ts';
import type { DemoPosts } from './posts.ts';

/**
 * Each account's home timeline, capped at its newest `cap` entries, by the audience rule insertPost and fanOut
 * apply: one's own posts, followees' public and followers-only posts, and followees' direct posts that mention
 * one. Older entries are left out, as a fan-out that trims homes would leave them.
 */
export class HomeTimelines {
  private readonly own: Grouped;
  private readonly shared: Grouped;
  private readonly inbox: Map<number, number[]>;
  private readonly heap = new CursorHeap();

  constructor(
    posts: DemoPosts,
    private readonly graph: FollowGraph,
    accounts: number,
    private readonly cap: number,
  ) {
    this.own = byAuthor(posts, accounts, () => true);
    this.shared = byAuthor(posts, accounts, (i) => posts.visibility[i] !== 2);
    this.inbox = directInbox(posts, graph);
  }

  /** Post indices in the home of account `a`, newest first. */
  entries(a: number): number[] {
    const { heap, own, shared, graph } = this;
    heap.clear();
    heap.add(own.items, own.offsets[a], own.offsets[a + 1]);
    for (let f = graph.offsets[a]; f < graph.offsets[a + 1]; f++) {
      const followee = graph.targets[f];
      heap.add(shared.items, shared.offsets[followee], shared.offsets[followee + 1]);
    }
    const direct = this.inbox.get(a);
    if (direct) heap.add(direct, 0, direct.length);
    return heap.largest(this.cap);
  }
}

type Grouped = { offsets: Int32Array; items: Int32Array };

/** Post indices grouped by author, ascending within each author. */
function byAuthor(posts: DemoPosts, accounts: number, keep: (i: number) => boolean): Grouped {
  const offsets = new Int32Array(accounts + 1);
  for (let i = 0; i < posts.count; i++) if (keep(i)) offsets[posts.author[i] + 1]++;
  for (let a = 0; a < accounts; a++) offsets[a + 1] += offsets[a];
  const fill = offsets.slice(0, accounts);
  const items = new Int32Array(offsets[accounts]);
  for (let i = 0; i < posts.count; i++) if (keep(i)) items[fill[posts.author[i]]++] = i;
  return { offsets, items };
}

/** Direct posts by index of each mentioned account that follows the author (ascending). */
function directInbox(posts: DemoPosts, graph: FollowGraph): Map<number, number[]> {
  const inbox = new Map<number, number[]>();
  for (const [post, to] of [...posts.directTo].sort((x, y) => x[0] - y[0])) {
    for (const account of to) {
      if (!follows(graph, account, posts.author[post])) continue;
      const list = inbox.get(account) ?? [];
      list.push(post);
      inbox.set(account, list);
    }
  }
  return inbox;
}

/** A max-heap of cursors walking ascending lists from their ends: a k-way merge, newest first. */
class CursorHeap {
  private lists: ArrayLike<number>[] = [];
  private lows: number[] = [];
  private positions: number[] = [];
  private heap: number[] = [];

  clear(): void {
    this.lists = [];
    this.lows = [];
    this.positions = [];
    this.heap = [];
  }

  add(list: ArrayLike<number>, start: number, end: number): void {
    if (end <= start) return;
    this.lists.push(list);
    this.lows.push(start);
    this.positions.push(end - 1);
    this.heap.push(this.lists.length - 1);
    this.up(this.heap.length - 1);
  }

  /** Up to `n` largest values over all lists, largest first (the lists' own duplicates are kept). */
  largest(n: number): number[] {
    const out: number[] = [];
    while (this.heap.length > 0 && out.length < n) {
      const top = this.heap[0];
      out.push(this.value(top));
      if (--this.positions[top] < this.lows[top]) {
        const last = this.heap.pop()!;
        if (this.heap.length === 0) break;
        this.heap[0] = last;
      }
      this.down(0);
    }
    return out;
  }

  private value(cursor: number): number {
    return this.lists[cursor][this.positions[cursor]];
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.value(h[parent]) >= this.value(h[i])) return;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < h.length && this.value(h[l]) > this.value(h[best])) best = l;
      if (r < h.length && this.value(h[r]) > this.value(h[best])) best = r;
      if (best === i) return;
      [h[best], h[i]] = [h[i], h[best]];
      i = best;
    }
  }
}
