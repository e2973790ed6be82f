import { useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Loading, PageError } from '../../../shared/ui/status.tsx';
import { useViewer } from '../../identity/index.ts';
import { useThread } from '../hooks/use-thread.ts';
import { ComposeBox } from './compose-box.tsx';
import { PostCard } from './post-card.tsx';

/** A post with the posts it answers above it, a reply box, and its replies below. */
export function ThreadPage() {
  const { id = '' } = useParams();
  const me = useViewer();
  const location = useLocation();
  const thread = useThread(id);

  if (thread.isPending) {
    return (
      <>
        <PageHeader title="Post" back />
        <Loading />
      </>
    );
  }
  // A 404 on a refetch (the post was deleted meanwhile) wins over the copy still cached.
  const gone = thread.error instanceof ApiError && thread.error.status === 404;
  if (!thread.data || gone) {
    return (
      <>
        <PageHeader title="Post" back />
        <PageError error={thread.error} notFoundTitle="This post isn’t available" />
      </>
    );
  }
  const { ancestors, post, replies } = thread.data;
  return (
    <>
      <PageHeader title="Post" back />
      <div className="thread">
        {ancestors.map((a) => (
          <PostCard key={a.id} post={a} connected />
        ))}
        <PostCard post={post} highlighted />
        {me && (
          <div id="reply" className="thread-reply">
            <ComposeBox key={post.id} me={me} replyTo={post} autoFocus={location.hash === '#reply'} />
          </div>
        )}
        <section aria-label="Replies" className="thread-replies">
          {replies.length === 0 ? (
            <p className="muted thread-no-replies">No replies yet.</p>
          ) : (
            replies.map((r) => <PostCard key={r.id} post={r} />)
          )}
        </section>
      </div>
    </>
  );
}
