import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AuditFilter, governanceApi, type RuleInput } from '../api/governance.api.ts';

export const governanceKeys = {
  rules: (handle: string) => ['governance', handle, 'rules'] as const,
  audit: (handle: string, filter: AuditFilter) => ['governance', handle, 'audit', filter] as const,
};

export function usePolicyRules(handle: string) {
  return useQuery({ queryKey: governanceKeys.rules(handle), queryFn: () => governanceApi.rules(handle) });
}

/** Adds a rule (no id) or replaces one; the list is read again after. */
export function useSaveRule(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: RuleInput }) =>
      id ? governanceApi.updateRule(handle, id, input) : governanceApi.addRule(handle, input),
    onSuccess: () => client.invalidateQueries({ queryKey: governanceKeys.rules(handle) }),
  });
}

export function useDeleteRule(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => governanceApi.deleteRule(handle, id),
    onSuccess: () => client.invalidateQueries({ queryKey: governanceKeys.rules(handle) }),
  });
}

export function usePolicyAudit(handle: string, filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: governanceKeys.audit(handle, filter),
    queryFn: ({ pageParam }) => governanceApi.audit(handle, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
