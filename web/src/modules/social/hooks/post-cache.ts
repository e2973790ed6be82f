import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/types.ts';
import type { OriginalPost, Post, Thread } from '../api/social.types.ts';

/** Every query that holds posts lives under this key, so one walk can update a post wherever it shows. */
export const postsKey = ['posts'] as const;

/** Changes a post's own content: it applies alike to a post and to the original a reshare shows. */
type PostFn = (post: OriginalPost) => OriginalPost;

function isPost(data: object): data is Post {
  return 'kind' in data && (data.kind === 'post' || data.kind === 'deal');
}

function isThread(data: object): data is Thread {
  return 'ancestors' in data && 'replies' in data;
}

function isFeed(data: object): data is InfiniteData<Page<Post>> {
  return 'pages' in data && Array.isArray(data.pages);
}

/** Applies `fn` to the post with `id`, including where it appears as the original of a reshare. */
function mapPost(post: Post, id: string, fn: PostFn): Post {
  // The reshare fields are the item's own: `fn` changes the content, never what the item reshares.
  const self: Post =
    post.id === id ? { ...fn(post), reshareOf: post.reshareOf, reshareParentId: post.reshareParentId } : post;
  if (!self.reshareOf || self.reshareOf.id !== id) return self;
  return { ...self, reshareOf: fn(self.reshareOf) };
}

/** A post's own content, without the reshare fields. */
function contentOf({ reshareOf: _reshareOf, reshareParentId: _parentId, ...content }: Post): OriginalPost {
  return content;
}

function mapCached(
  data: unknown,
  map: (post: Post) => Post,
  keep: (post: Post) => boolean = () => true,
): unknown {
  if (!data || typeof data !== 'object') return data;
  if (isFeed(data)) {
    const pages = data.pages.map((page) => ({ ...page, items: page.items.filter(keep).map(map) }));
    return { ...data, pages };
  }
  if (isThread(data)) {
    return {
      ancestors: data.ancestors.filter(keep).map(map),
      post: map(data.post),
      replies: data.replies.filter(keep).map(map),
    };
  }
  if (isPost(data)) return map(data);
  return data;
}

export function patchPost(queryClient: QueryClient, id: string, fn: PostFn): void {
  queryClient.setQueriesData({ queryKey: postsKey }, (data: unknown) =>
    mapCached(data, (p) => mapPost(p, id, fn)),
  );
}

/** Puts the server's fresh copy of a post everywhere it is cached. */
export function replacePost(queryClient: QueryClient, fresh: Post): void {
  const content = contentOf(fresh);
  patchPost(queryClient, fresh.id, () => content);
}

/**
 * Drops a deleted post (and reshares of it) from feeds and threads, as the server leaves it out of them. A thread
 * about the deleted post itself answers 404 when it refetches (the thread page then says it is not available).
 */
export function removePost(queryClient: QueryClient, id: string): void {
  const keep = (p: Post) => p.id !== id && p.reshareOf?.id !== id;
  queryClient.setQueriesData({ queryKey: postsKey }, (data: unknown) => mapCached(data, (p) => p, keep));
}
