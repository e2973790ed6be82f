import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { isTransient } from '../api/checkout-errors.ts';
import { commerceApi } from '../api/commerce.api.ts';
import type { CheckoutInput } from '../api/commerce.types.ts';
import { commerceKeys } from './commerce-keys.ts';

/**
 * One Idempotency-Key per intent: the same key while the same order is retried after a network failure (so
 * a retry can never buy twice), a fresh one once the server has answered or the order itself changed.
 */
export function useIdempotencyKey() {
  const intent = useRef<{ key: string; signature: string } | null>(null);
  return {
    keyFor(signature: string): string {
      if (intent.current?.signature !== signature) intent.current = { key: crypto.randomUUID(), signature };
      return intent.current.key;
    },
    settle() {
      intent.current = null;
    },
  };
}

/** The card number is not part of what makes two orders the same (the server leaves it out too). */
const signatureOf = (input: CheckoutInput) => JSON.stringify({ ...input, card: undefined });

/** Places an order with its Idempotency-Key, then refreshes what the order changed. */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  const intent = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: CheckoutInput) => commerceApi.placeOrder(input, intent.keyFor(signatureOf(input))),
    onSuccess: () => intent.settle(),
    onError: (error) => {
      if (!isTransient(error)) intent.settle();
    },
    onSettled: async (_order, _error, input) => {
      void queryClient.invalidateQueries({ queryKey: commerceKeys.cart });
      void queryClient.invalidateQueries({ queryKey: commerceKeys.orders });
      if (input.dealId) {
        // The card's remaining stock and "you bought" changed; a direct read does not count an impression.
        const card = await commerceApi.deal(input.dealId).catch(() => null);
        if (card) queryClient.setQueryData(commerceKeys.deal(input.dealId), card);
      }
    },
  });
}
