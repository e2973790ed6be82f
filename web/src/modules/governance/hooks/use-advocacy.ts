import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { advocacyApi, type LeaderboardSort, type ShareInput } from '../api/advocacy.api.ts';

const root = (handle: string) => ['governance', handle, 'advocacy'] as const;

export function useLibrary(handle: string, topic?: string) {
  return useQuery({
    queryKey: [...root(handle), 'library', topic ?? ''],
    queryFn: () => advocacyApi.library(handle, topic),
  });
}

export function useLeaderboard(handle: string, sort: LeaderboardSort) {
  return useQuery({
    queryKey: [...root(handle), 'board', sort],
    queryFn: () => advocacyApi.leaderboard(handle, sort),
  });
}

export function useStaffShares(handle: string, enabled: boolean) {
  return useQuery({
    queryKey: [...root(handle), 'shares'],
    queryFn: () => advocacyApi.shares(handle),
    enabled,
  });
}

/** Marking a post shareable, and sharing one: both change the library and the board. */
export function useMarkShareable(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { postId: string; topic: string; caption?: string | null }) =>
      advocacyApi.mark(handle, input.postId, { topic: input.topic, caption: input.caption ?? null }),
    onSuccess: () => client.invalidateQueries({ queryKey: root(handle) }),
  });
}

export function useShareFromLibrary(handle: string, postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ShareInput) => advocacyApi.share(handle, postId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: root(handle) }),
  });
}
