import type { Db, Executor } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { decodeCursor, type Page, toPage, UUID_PATTERN } from '../../platform/http/pagination.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { MediaModule } from '../media/index.ts';
import { type BadgeSlot, threadRootsOf, withBadges } from './badges.ts';
import { viewerOf } from './posts.service.ts';
import { socialError } from './social.errors.ts';
import { accountIdsOf, type PostJson, presentPost, quotesOf } from './social.present.ts';
import * as repo from './social.repo.ts';

export type ReadsDeps = {
  db: Db;
  identity: Pick<IdentityModule, 'accounts'>;
  media: Pick<MediaModule, 'attachments'>;
  badges: BadgeSlot;
};
type PageArgs = { cursor?: string; limit?: number };

/** Every way of reading posts: one post, a thread, timelines, search. All filtered by the viewer's audience. */
export function createReadsService({ db, identity, media, badges }: ReadsDeps) {
  /**
   * Rows as the API shows them. The posts they quote are loaded as `viewer` may see them, in one query: a quoted post
   * that is deleted or hidden from the viewer comes out as an unavailable card, with nothing of it shown.
   */
  async function present(rows: repo.PostRow[], viewer: repo.Viewer): Promise<PostJson[]> {
    const quotedIds = [...new Set(quotesOf(rows))];
    const quoted = await repo.findPostsByIds(db, quotedIds, viewer);
    const postIds = [...rows, ...quoted].flatMap((r) => (r.reshare_of_id ? [r.id, r.reshare_of_id] : [r.id]));
    const roots = badges.resolver ? await repo.authorsOf(db, threadRootsOf(rows)) : new Map<string, string>();
    const [accounts, images] = await Promise.all([
      identity.accounts.byIds([...new Set([...accountIdsOf([...rows, ...quoted]), ...roots.values()])]),
      media.attachments.of('post', postIds),
    ]);
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const quotedById = new Map(quoted.map((q) => [q.id, q]));
    const posts = rows.map((r) => presentPost(r, byId, images, quotedById));
    return withBadges(posts, rows, roots, byId, badges.resolver);
  }

  async function page(
    viewer: repo.Viewer,
    args: PageArgs,
    load: (cursor: string | undefined, limit: number) => Promise<repo.PostRow[]>,
  ): Promise<Page<PostJson>> {
    const limit = args.limit ?? 20;
    const rows = await load(decodeCursor(args.cursor, UUID_PATTERN), limit);
    const { items, nextCursor } = toPage(rows, limit, (r) => r.id);
    return { items: await present(items, viewer), nextCursor };
  }

  async function accountId(handle: string): Promise<string> {
    const account = await identity.accounts.byHandle(handle.replace(/^@/, ''));
    if (!account) throw socialError('account_not_found', 'Account not found');
    return account.id;
  }

  return {
    present,

    async post(principal: Principal | null, id: string): Promise<PostJson> {
      const row = await repo.findPost(db, id, viewerOf(principal));
      if (!row) throw socialError('post_not_found', 'Post not found');
      return (await present([row], viewerOf(principal)))[0];
    },

    async thread(principal: Principal | null, id: string) {
      const viewer = viewerOf(principal);
      const row = await repo.findPost(db, id, viewer);
      if (!row) throw socialError('post_not_found', 'Post not found');
      const { ancestors, replies } = await repo.threadAround(db, id, viewer, 500);
      const [post, ...rest] = await present([row, ...ancestors, ...replies], viewer);
      return { post, ancestors: rest.slice(0, ancestors.length), replies: rest.slice(ancestors.length) };
    },

    home: (principal: Principal, args: PageArgs) =>
      page(viewerOf(principal), args, (cursor, limit) =>
        repo.homeTimeline(db, principal.userId, viewerOf(principal), cursor, limit),
      ),

    async author(principal: Principal | null, handle: string, args: PageArgs) {
      const id = await accountId(handle);
      return page(viewerOf(principal), args, (cursor, limit) =>
        repo.authorTimeline(db, id, viewerOf(principal), cursor, limit),
      );
    },

    async mentions(principal: Principal | null, handle: string, args: PageArgs) {
      const id = await accountId(handle);
      return page(viewerOf(principal), args, (cursor, limit) =>
        repo.mentionsTimeline(db, id, viewerOf(principal), cursor, limit),
      );
    },

    tag: (principal: Principal | null, tag: string, args: PageArgs) =>
      page(viewerOf(principal), args, (cursor, limit) =>
        repo.tagTimeline(db, tag.replace(/^#/, '').toLowerCase(), viewerOf(principal), cursor, limit),
      ),

    search: (principal: Principal | null, q: string, args: PageArgs) =>
      page(viewerOf(principal), args, (cursor, limit) =>
        repo.searchPosts(db, q, viewerOf(principal), cursor, limit),
      ),

    /** Whether `viewer` may see a post; takes the caller's executor so event handlers stay in their transaction. */
    isVisibleTo: (executor: Executor, postId: string, viewer: repo.Viewer) =>
      repo.isVisible(executor, postId, viewer),
    /** The reshare chain of a post, oldest first (the original, then each reshare); a plain post is its own chain. */
    reshareChain: (executor: Executor, postId: string) => repo.reshareChain(executor, postId),

    /** Posts by id as `viewer` may see them; hidden or deleted ones are left out. */
    postsForViewer: async (ids: string[], viewer: repo.Viewer) =>
      present(await repo.findPostsByIds(db, ids, viewer), viewer),
  };
}

export type ReadsService = ReturnType<typeof createReadsService>;
