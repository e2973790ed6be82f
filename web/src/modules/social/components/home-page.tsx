import { Link } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState } from '../../../shared/ui/status.tsx';
import { useViewer } from '../../identity/index.ts';
import { useHomeTimeline } from '../hooks/use-feeds.ts';
import { ComposeBox } from './compose-box.tsx';
import { PostFeed } from './post-feed.tsx';

/** Compose box over the home timeline: your posts and those of accounts you follow, newest first. */
export function HomePage() {
  const me = useViewer();
  const timeline = useHomeTimeline();
  return (
    <>
      <PageHeader title="Home" />
      {me && <ComposeBox me={me} />}
      <PostFeed
        query={timeline}
        empty={
          <EmptyState title="Your timeline is quiet">
            Follow people and brands to see their posts here. Try <Link to="/search">search</Link> or a tag
            like <Link to="/tags/deals">#deals</Link>.
          </EmptyState>
        }
      />
    </>
  );
}
