import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SourceInput, sourcesApi } from '../api/sources.api.ts';

const key = (handle: string) => ['listening', handle, 'sources'] as const;

/** The Mastodon sources a brand follows, refreshed each minute so a poll's outcome shows up. */
export const useSources = (handle: string) =>
  useQuery({ queryKey: key(handle), queryFn: () => sourcesApi.list(handle), refetchInterval: 60_000 });

/** Adds, pauses, polls and removes sources; each refreshes the list (and the mentions, after a poll). */
export function useSourceActions(handle: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['listening', handle] });
  return {
    add: useMutation({
      mutationFn: (input: SourceInput) => sourcesApi.add(handle, input),
      onSuccess: refresh,
    }),
    setEnabled: useMutation({
      mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
        sourcesApi.setEnabled(handle, id, enabled),
      onSuccess: refresh,
    }),
    poll: useMutation({ mutationFn: (id: string) => sourcesApi.poll(handle, id), onSettled: refresh }),
    remove: useMutation({ mutationFn: (id: string) => sourcesApi.remove(handle, id), onSuccess: refresh }),
  };
}
