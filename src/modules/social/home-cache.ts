import { TtlCache } from '../../platform/ttl-cache.ts';

/**
 * The first page of each person's home timeline, kept rendered (the JSON body) in this process: most home
 * reads are someone opening the app, and their first page changes far less often than it is read. This process
 * drops a person's page when anything that changes it happens here: a post fanned out to them, their own post,
 * like, reshare, follow or unfollow, a deletion of a post on it. Other server processes see such changes when
 * their copy expires (TTL); like counts of other people may lag by as much.
 */
export class HomeCache {
  private readonly pages: TtlCache<{ body: string; postIds: string[] }>;
  /** Which cached pages show a post, so a deletion can drop them all. */
  private readonly pagesWithPost = new Map<string, Set<string>>();

  constructor(
    ttlMs = 30_000,
    private readonly maxPages = 50_000,
  ) {
    this.pages = new TtlCache(ttlMs, maxPages);
  }

  get(ownerId: string): string | undefined {
    return this.pages.get(ownerId)?.body;
  }

  /** The generation to pass back to `set`, so a page rendered before an invalidation is not kept after it. */
  version(): number {
    return this.pages.version();
  }

  set(ownerId: string, body: string, postIds: string[], loadedAt: number): void {
    if (loadedAt !== this.pages.version()) return;
    // The reverse index only grows with pages; start over when it outgrows them many times.
    if (this.pagesWithPost.size > this.maxPages * 25) {
      this.pages.clear();
      this.pagesWithPost.clear();
      return;
    }
    this.pages.set(ownerId, { body, postIds }, loadedAt);
    for (const id of postIds) {
      const owners = this.pagesWithPost.get(id) ?? new Set<string>();
      owners.add(ownerId);
      this.pagesWithPost.set(id, owners);
    }
  }

  dropOwners(ownerIds: Iterable<string>): void {
    for (const id of ownerIds) this.pages.delete(id);
  }

  dropPost(postId: string): void {
    this.dropOwners(this.pagesWithPost.get(postId) ?? []);
    this.pagesWithPost.delete(postId);
  }
}
