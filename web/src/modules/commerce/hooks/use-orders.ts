import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commerceApi } from '../api/commerce.api.ts';
import type { Order, OrderStatus, ShipmentInput } from '../api/commerce.types.ts';
import { commerceKeys } from './commerce-keys.ts';

/** While a payment settles the order is polled, so the page turns to paid or cancelled by itself. */
const pollWhilePending = (order: Order | undefined) => (order?.status === 'pending' ? 1500 : false);

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: commerceKeys.order(id ?? ''),
    queryFn: () => commerceApi.order(id!),
    enabled: Boolean(id),
    refetchInterval: (query) => pollWhilePending(query.state.data),
  });
}

export function useMyOrders() {
  return useInfiniteQuery({
    queryKey: commerceKeys.myOrders,
    queryFn: ({ pageParam }) => commerceApi.myOrders(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOrgOrders(handle: string, status: OrderStatus | undefined) {
  return useInfiniteQuery({
    queryKey: commerceKeys.orgOrders(handle, status),
    queryFn: ({ pageParam }) => commerceApi.orgOrders(handle, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

type OrderAction =
  | { kind: 'fulfil' }
  | { kind: 'cancel' }
  | { kind: 'refund'; amountMinor: number | undefined; key: string }
  | { kind: 'ship'; shipment: ShipmentInput };

/** Fulfil, ship, cancel or refund one order, then refresh every list it shows in. */
export function useOrderAction(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: OrderAction) =>
      action.kind === 'fulfil'
        ? commerceApi.fulfil(orderId)
        : action.kind === 'cancel'
          ? commerceApi.cancel(orderId)
          : action.kind === 'ship'
            ? commerceApi.ship(orderId, action.shipment)
            : commerceApi.refund(orderId, action.amountMinor, action.key),
    onSuccess: (order) => {
      queryClient.setQueryData(commerceKeys.order(order.id), order);
      void queryClient.invalidateQueries({ queryKey: commerceKeys.orders });
      void queryClient.invalidateQueries({ queryKey: ['commerce', 'org'] });
    },
  });
}
