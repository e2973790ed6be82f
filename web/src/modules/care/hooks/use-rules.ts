import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { careApi } from '../api/care.api.ts';
import type { RuleActions, RuleConditions, RuleInput } from '../api/care.types.ts';
import { careKeys } from './care-keys.ts';

export function useRules(handle: string) {
  return useQuery({ queryKey: careKeys.rules(handle), queryFn: () => careApi.rules(handle) });
}

export function useAddRule(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleInput) => careApi.addRule(handle, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careKeys.rules(handle) }),
  });
}

export function useRemoveRule(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => careApi.removeRule(handle, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careKeys.rules(handle) }),
  });
}

export function useTestRule(handle: string) {
  return useMutation({
    mutationFn: (input: { conditions: RuleConditions; actions: RuleActions }) =>
      careApi.testRule(handle, input),
  });
}
