import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/types.ts';
import type { Post, Thread } from '../api/social.types.ts';

/** Every query that holds posts lives under this key, so one walk can update a post wherever it shows. */
export const postsKey = ['posts'] as const;

type PostFn = (post: Post) => Post;

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
  const self = post.id === id ? fn(post) : post;
  if (!self.reshareOf) return self;
  const inner = mapPost(self.reshareOf, id, fn);
  return inner === self.reshareOf ? self : { ...self, reshareOf: inner };
}

function mapCached(data: unknown, map: PostFn, keep: (post: Post) => boolean = () => true): unknown {
  if (!data || typeof data !== 'object') return data;
  if (isFeed(data)) {
    const pages = data.pages.map((page) => ({ ...page, items: page.items.filter(keep).map(map) }));
    return { ...data, pages };
  }
  if (isThread(data)) {
    return {
      ancestors: data.ancestors.map(map),
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
  patchPost(queryClient, fresh.id, (old) => ({ ...fresh, reshareOf: fresh.reshareOf ?? old.reshareOf }));
}

/** Drops a deleted post (and reshares of it) from feeds; threads keep a "deleted" placeholder. */
export function removePost(queryClient: QueryClient, id: string): void {
  const keep = (p: Post) => p.id !== id && p.reshareOf?.id !== id;
  const mark = (p: Post) => mapPost(p, id, (post) => ({ ...post, deleted: true, text: '' }));
  queryClient.setQueriesData({ queryKey: postsKey }, (data: unknown) => mapCached(data, mark, keep));
}
