import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { intentModelApi } from '../api/intent-model.api.ts';

const key = (handle: string) => ['care', handle.toLowerCase(), 'intent-model'] as const;

export function useIntentModel(handle: string) {
  return useQuery({ queryKey: key(handle), queryFn: () => intentModelApi.status(handle) });
}

export function useRetrainIntentModel(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => intentModelApi.retrain(handle),
    onSuccess: (status) => queryClient.setQueryData(key(handle), status),
  });
}
