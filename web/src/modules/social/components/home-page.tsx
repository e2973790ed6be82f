import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState } from '../../../shared/ui/status.tsx';
import { useViewer } from '../../identity/index.ts';
import { useHomeTimeline } from '../hooks/use-feeds.ts';
import { ComposeBox } from './compose-box.tsx';
import { PostFeed } from './post-feed.tsx';
import { WhoToFollow } from './who-to-follow.tsx';

/** Compose box over the home timeline: your posts and those of accounts you follow, newest first. */
export function HomePage() {
  const me = useViewer();
  const timeline = useHomeTimeline();
  const empty = timeline.isSuccess && timeline.data.pages.every((p) => p.items.length === 0);
  // Once shown on an empty timeline, suggestions stay while the person follows a few (their posts arrive).
  const [welcoming, setWelcoming] = useState(false);
  useEffect(() => {
    if (empty && me) setWelcoming(true);
  }, [empty, me]);
  return (
    <>
      <PageHeader title="Home" />
      {me && <ComposeBox me={me} />}
      {welcoming && <WhoToFollow limit={10} variant="page" />}
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
