import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '../../../shared/api/types.ts';
import { type ProfilePostsKind, socialApi } from '../api/social.api.ts';
import type { Post } from '../api/social.types.ts';
import { postsKey } from './post-cache.ts';

type Fetcher = (cursor: string | undefined) => Promise<Page<Post>>;

/** A "Load more" list of posts, newest first, following nextCursor. */
function usePostFeed(key: readonly unknown[], fetcher: Fetcher, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...postsKey, ...key],
    queryFn: ({ pageParam }) => fetcher(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export const homeFeedKey = [...postsKey, 'home'] as const;

export function useHomeTimeline() {
  return usePostFeed(['home'], (cursor) => socialApi.home(cursor));
}

export function useProfilePosts(handle: string, kind: ProfilePostsKind) {
  return usePostFeed(['profile', handle.toLowerCase(), kind], (cursor) =>
    socialApi.profilePosts(handle, kind, cursor),
  );
}

export function useTagPosts(tag: string) {
  return usePostFeed(['tag', tag.toLowerCase()], (cursor) => socialApi.tag(tag, cursor));
}

export function useSearchPosts(q: string) {
  return usePostFeed(['search', q], (cursor) => socialApi.searchPosts(q, cursor), q.trim().length > 0);
}
