import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AccountListKind, socialApi } from '../api/social.api.ts';
import type { Profile } from '../api/social.types.ts';
import { homeFeedKey } from './use-feeds.ts';

export const accountKey = (handle: string) => ['accounts', handle.toLowerCase()] as const;

export function useProfile(handle: string) {
  return useQuery({ queryKey: accountKey(handle), queryFn: () => socialApi.profile(handle), retry: false });
}

export function useAccountList(handle: string, kind: AccountListKind) {
  return useInfiniteQuery({
    queryKey: [...accountKey(handle), kind],
    queryFn: ({ pageParam }) => socialApi.accountList(handle, kind, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useToggleFollow(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profile: Profile) =>
      profile.viewer.following ? socialApi.unfollow(profile.handle) : socialApi.follow(profile.handle),
    onSuccess: (profile) => {
      queryClient.setQueryData(accountKey(handle), profile);
      void queryClient.invalidateQueries({ queryKey: [...accountKey(handle), 'followers'] });
      void queryClient.invalidateQueries({ queryKey: homeFeedKey });
    },
  });
}

export function useSearchAccounts(q: string) {
  return useQuery({
    queryKey: ['search', 'accounts', q],
    queryFn: () => socialApi.searchAccounts(q),
    enabled: q.trim().length > 0,
  });
}
