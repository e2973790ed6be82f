import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commerceApi } from '../api/commerce.api.ts';
import type { AddressInput } from '../api/commerce.types.ts';
import { commerceKeys } from './commerce-keys.ts';

export function useAddresses(enabled = true) {
  return useQuery({ queryKey: commerceKeys.addresses, queryFn: commerceApi.addresses, enabled });
}

export function useAddAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddressInput) => commerceApi.addAddress(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commerceKeys.addresses }),
  });
}

export function useRemoveAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => commerceApi.removeAddress(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commerceKeys.addresses }),
  });
}

export function useCart(enabled = true) {
  return useQuery({ queryKey: commerceKeys.cart, queryFn: commerceApi.cart, enabled });
}

/** Units in the cart, for the navigation badge. */
export function useCartCount(enabled: boolean): number {
  const cart = useCart(enabled);
  return cart.data?.items.reduce((sum, line) => sum + line.quantity, 0) ?? 0;
}

export function useSetCartItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ variantId, quantity }: { variantId: string; quantity: number }) =>
      commerceApi.setCartItem(variantId, quantity),
    onSuccess: (cart) => queryClient.setQueryData(commerceKeys.cart, cart),
  });
}
