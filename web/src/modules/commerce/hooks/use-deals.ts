import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commerceApi } from '../api/commerce.api.ts';
import type { DealInput } from '../api/commerce.types.ts';
import { commerceKeys } from './commerce-keys.ts';

export function useOrgDeals(handle: string) {
  return useQuery({ queryKey: commerceKeys.orgDeals(handle), queryFn: () => commerceApi.orgDeals(handle) });
}

export function usePublishDeal(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DealInput) => commerceApi.publishDeal(handle, input),
    onSuccess: (card) => {
      queryClient.setQueryData(commerceKeys.deal(card.id), card);
      void queryClient.invalidateQueries({ queryKey: commerceKeys.orgDeals(handle) });
      void queryClient.invalidateQueries({ queryKey: ['posts'] });
    },
  });
}

export function useSales(handle: string, dealId?: string) {
  return useQuery({
    queryKey: commerceKeys.sales(handle, dealId),
    queryFn: () => commerceApi.sales(handle, dealId),
    refetchInterval: 30_000,
  });
}

export function useSaveCommerceSettings(handle: string) {
  return useMutation({
    mutationFn: (settings: Parameters<typeof commerceApi.saveSettings>[1]) =>
      commerceApi.saveSettings(handle, settings),
  });
}
