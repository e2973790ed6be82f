import { useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState } from '../../../shared/ui/status.tsx';
import { useTagPosts } from '../hooks/use-feeds.ts';
import { PostFeed } from './post-feed.tsx';

export function TagPage() {
  const { tag = '' } = useParams();
  const posts = useTagPosts(tag);
  return (
    <>
      <PageHeader title={`#${tag}`} back />
      <PostFeed query={posts} empty={<EmptyState title={`No posts tagged #${tag} yet`} />} />
    </>
  );
}
