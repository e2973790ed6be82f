import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { briefingsApi } from '../api/briefings.api.ts';

const keys = {
  list: (handle: string) => ['listening', handle, 'briefings'] as const,
  one: (handle: string, id: string) => ['listening', handle, 'briefings', id] as const,
};

export const useBriefings = (handle: string) =>
  useQuery({ queryKey: keys.list(handle), queryFn: () => briefingsApi.list(handle) });

export const useBriefing = (handle: string, id: string) =>
  useQuery({ queryKey: keys.one(handle, id), queryFn: () => briefingsApi.get(handle, id) });

export function useWriteBriefing(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: { from?: string; to?: string }) => briefingsApi.create(handle, period),
    onSuccess: (book) => {
      client.setQueryData(keys.one(handle, book.id), book);
      return client.invalidateQueries({ queryKey: keys.list(handle) });
    },
  });
}
