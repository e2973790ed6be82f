import { useMutation, useQueryClient } from '@tanstack/react-query';
import { socialApi } from '../api/social.api.ts';
import type { NewPost, OriginalPost } from '../api/social.types.ts';
import { patchPost, postsKey, removePost, replacePost } from './post-cache.ts';

export function useCreatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewPost) => socialApi.createPost(input),
    onSuccess: (_post, input) => {
      if (input.inReplyToId) {
        patchPost(queryClient, input.inReplyToId, (p) => ({
          ...p,
          counts: { ...p.counts, replies: p.counts.replies + 1 },
        }));
      }
      if (input.quoteOfId) {
        patchPost(queryClient, input.quoteOfId, (p) => ({
          ...p,
          counts: { ...p.counts, quotes: p.counts.quotes + 1 },
        }));
      }
      void queryClient.invalidateQueries({ queryKey: postsKey });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}

/** Like or unlike at once on screen; the server's answer then replaces the guess, or the guess is undone. */
export function useToggleLike() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (post: OriginalPost) =>
      post.viewer.liked ? socialApi.unlike(post.id) : socialApi.like(post.id),
    onMutate: async (post) => {
      await queryClient.cancelQueries({ queryKey: postsKey });
      const snapshot = queryClient.getQueriesData({ queryKey: postsKey });
      const liked = !post.viewer.liked;
      patchPost(queryClient, post.id, (p) => ({
        ...p,
        viewer: { ...p.viewer, liked },
        counts: { ...p.counts, likes: Math.max(0, p.counts.likes + (liked ? 1 : -1)) },
      }));
      return { snapshot };
    },
    onError: (_error, _post, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: (fresh) => replacePost(queryClient, fresh),
  });
}

export function useReshare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ post, as }: { post: OriginalPost; as?: string }) => socialApi.reshare(post.id, as),
    onSuccess: (_reshare, { post, as }) => {
      patchPost(queryClient, post.id, (p) => ({
        ...p,
        viewer: as ? p.viewer : { ...p.viewer, reshared: true },
        counts: { ...p.counts, reshares: p.counts.reshares + 1 },
      }));
      void queryClient.invalidateQueries({ queryKey: postsKey });
    },
  });
}

export function useDeletePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => socialApi.deletePost(id),
    onSuccess: (_void, id) => {
      removePost(queryClient, id);
      void queryClient.invalidateQueries({ queryKey: postsKey });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}
