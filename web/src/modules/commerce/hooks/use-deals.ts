import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commerceApi } from '../api/commerce.api.ts';
import type { DealEdit, DealInput } from '../api/commerce.types.ts';
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

/** Edits or ends a deal; the card, the brand's list and the deal's history refresh. */
export function useDealChanges(handle: string, id: string) {
  const queryClient = useQueryClient();
  const done = (card: Awaited<ReturnType<typeof commerceApi.deal>>) => {
    queryClient.setQueryData(commerceKeys.deal(card.id), card);
    void queryClient.invalidateQueries({ queryKey: commerceKeys.orgDeals(handle) });
    void queryClient.invalidateQueries({ queryKey: commerceKeys.dealHistory(id) });
  };
  return {
    edit: useMutation({ mutationFn: (edit: DealEdit) => commerceApi.editDeal(id, edit), onSuccess: done }),
    end: useMutation({ mutationFn: () => commerceApi.endDeal(id), onSuccess: done }),
  };
}

export function useDealHistory(id: string) {
  return useQuery({ queryKey: commerceKeys.dealHistory(id), queryFn: () => commerceApi.dealHistory(id) });
}
