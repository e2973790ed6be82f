import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type RuleChange, type RuleInput, rulesApi } from '../api/rules.api.ts';

const key = (handle: string) => ['listening', handle, 'rules'] as const;
/** Backfill progress is polled this often while one runs. */
const PROGRESS_MS = 2000;

/** A brand's auto-tagging rules; refetched every 2 s while a backfill runs, so its progress moves. */
export const useRules = (handle: string) =>
  useQuery({
    queryKey: key(handle),
    queryFn: () => rulesApi.list(handle),
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.backfill?.status === 'running') ? PROGRESS_MS : false,
  });

export function useAddRule(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleInput) => rulesApi.add(handle, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['listening', handle] }),
  });
}

export function useChangeRule(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: RuleChange }) => rulesApi.change(handle, id, change),
    onSuccess: () => client.invalidateQueries({ queryKey: ['listening', handle] }),
  });
}

export function useRemoveRule(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => rulesApi.remove(handle, id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['listening', handle] }),
  });
}
