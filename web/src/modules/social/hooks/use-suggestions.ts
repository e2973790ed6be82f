import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items } from '../../../shared/api/types.ts';
import { socialApi } from '../api/social.api.ts';
import type { Suggestion } from '../api/social.types.ts';
import { homeFeedKey } from './use-feeds.ts';
import { accountKey } from './use-profile.ts';

const suggestionsKey = ['suggestions'] as const;

/** Whom to follow: friends of friends first, then the most followed. */
export function useSuggestions(limit: number, enabled = true) {
  return useQuery({
    queryKey: [...suggestionsKey, limit],
    queryFn: () => socialApi.suggestions(limit),
    enabled,
    staleTime: 60_000,
  });
}

/** Follows a suggested account at once and takes its card out of every suggestion list. */
export function useFollowSuggestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (handle: string) => socialApi.follow(handle),
    onSuccess: (profile, handle) => {
      queryClient.setQueriesData<Items<Suggestion>>({ queryKey: suggestionsKey }, (old) =>
        old ? { ...old, items: old.items.filter((s) => s.account.handle !== handle) } : old,
      );
      queryClient.setQueryData(accountKey(handle), profile);
      void queryClient.invalidateQueries({ queryKey: suggestionsKey });
      void queryClient.invalidateQueries({ queryKey: homeFeedKey });
    },
  });
}
