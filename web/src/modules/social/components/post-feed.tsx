import type { InfiniteData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../../../shared/api/types.ts';
import { ErrorBanner, Loading, LoadMore } from '../../../shared/ui/status.tsx';
import type { Post } from '../api/social.types.ts';
import { PostCard } from './post-card.tsx';

type FeedQuery = {
  data: InfiniteData<Page<Post>> | undefined;
  isPending: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** A list of post cards with loading, empty and error states and "Load more". */
export function PostFeed({ query, empty }: { query: FeedQuery; empty: ReactNode }) {
  if (query.isPending) return <Loading label="Loading posts…" />;
  if (query.error && !query.data) return <ErrorBanner error={query.error} />;
  const posts = query.data?.pages.flatMap((page) => page.items) ?? [];
  // The same post can land on two pages when new posts arrive between loads; show it once.
  const seen = new Set<string>();
  const unique = posts.filter((p) => !seen.has(p.id) && seen.add(p.id));
  if (unique.length === 0) return <>{empty}</>;
  return (
    <div className="feed">
      {unique.map((post) => (
        <PostCard key={post.id} post={post} />
      ))}
      <LoadMore query={query} />
      {!query.hasNextPage && unique.length > 10 && <p className="feed-end">You’re all caught up.</p>}
    </div>
  );
}
