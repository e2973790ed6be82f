import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { HeartIcon, ReplyIcon, TrashIcon } from '../../../shared/ui/icons.tsx';
import { ownedAccountIds, postingIdentities, useViewer } from '../../identity/index.ts';
import type { OriginalPost, Post } from '../api/social.types.ts';
import { useDeletePost, useReshare, useToggleLike } from '../hooks/use-post-actions.ts';
import { QuoteButton } from './quote-button.tsx';
import { ReshareButton } from './reshare-button.tsx';

type PostActionsProps = {
  /** The post shown: the item itself, or the original when the item is a reshare. */
  post: OriginalPost;
  /** The item in the list: the reshare itself when `post` is its original. */
  item: Post;
};

function DeleteControl({ onConfirm, pending }: { onConfirm: () => void; pending: boolean }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className="action action-delete"
        onClick={() => setConfirming(true)}
        title="Delete"
        aria-label="Delete"
      >
        <TrashIcon size={18} />
      </button>
    );
  }
  return (
    <span className="confirm-inline">
      Delete?
      <button
        type="button"
        className="btn btn-danger btn-xs"
        data-testid="delete-confirm"
        onClick={onConfirm}
        disabled={pending}
      >
        Delete
      </button>
      <button type="button" className="btn btn-ghost btn-xs" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}

/** Reply, reshare, quote, like and (for your own posts) delete. */
export function PostActions({ post, item }: PostActionsProps) {
  const me = useViewer();
  const navigate = useNavigate();
  const like = useToggleLike();
  const reshare = useReshare();
  const remove = useDeletePost();
  const owned = ownedAccountIds(me);
  // A reshare you made is deleted as itself (un-reshare); your own post is deleted as the post.
  const deletable = owned.has(item.author.id) ? item : owned.has(post.author.id) ? post : null;
  const error = like.error ?? reshare.error ?? remove.error;

  const onLike = () => (me ? like.mutate(post) : navigate('/login'));

  return (
    <div className="post-actions-wrap">
      <div className="post-actions">
        <Link
          to={`/posts/${post.id}#reply`}
          className="action action-reply"
          data-testid="reply-button"
          title="Reply"
          aria-label={`Reply (${post.counts.replies})`}
        >
          <ReplyIcon size={18} />
          <span className="action-count">{post.counts.replies}</span>
        </Link>
        <ReshareButton
          post={post}
          identities={me ? postingIdentities(me) : null}
          pending={reshare.isPending}
          onReshare={(as) => reshare.mutate({ post, as })}
        />
        <QuoteButton post={post} me={me} />
        <button
          type="button"
          className={post.viewer.liked ? 'action action-like active' : 'action action-like'}
          data-testid="like-button"
          aria-pressed={post.viewer.liked}
          aria-label={`${post.viewer.liked ? 'Unlike' : 'Like'} (${post.counts.likes})`}
          title={post.viewer.liked ? 'Unlike' : 'Like'}
          onClick={onLike}
        >
          <HeartIcon size={18} filled={post.viewer.liked} />
          <span className="action-count">{post.counts.likes}</span>
        </button>
        {deletable && (
          <DeleteControl onConfirm={() => remove.mutate(deletable.id)} pending={remove.isPending} />
        )}
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </div>
  );
}
