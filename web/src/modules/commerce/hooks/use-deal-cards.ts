import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/api-error.ts';
import { commerceApi } from '../api/commerce.api.ts';
import type { DealCard } from '../api/commerce.types.ts';
import { commerceKeys } from './commerce-keys.ts';

type Waiter = { resolve: (card: DealCard) => void; reject: (error: unknown) => void };

const MAX_IDS = 50;
let waiting = new Map<string, Waiter[]>();
let scheduled = false;

/** Sends every card asked for in the same moment (one page of posts renders at once) as one request. */
async function flush() {
  const batch = waiting;
  waiting = new Map();
  scheduled = false;
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += MAX_IDS) {
    const chunk = ids.slice(start, start + MAX_IDS);
    try {
      const { items } = await commerceApi.dealCards(chunk);
      const byId = new Map(items.map((card) => [card.id, card]));
      for (const id of chunk) {
        const card = byId.get(id);
        for (const w of batch.get(id) ?? []) {
          if (card) w.resolve(card);
          else w.reject(new ApiError(404, 'deal_not_found', 'This deal is no longer available.'));
        }
      }
    } catch (error) {
      for (const id of chunk) for (const w of batch.get(id) ?? []) w.reject(error);
    }
  }
}

/** One deal card, fetched together with the other cards on screen (GET /deals?ids=…). */
export function loadDealCard(id: string): Promise<DealCard> {
  return new Promise((resolve, reject) => {
    waiting.set(id, [...(waiting.get(id) ?? []), { resolve, reject }]);
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => void flush(), 15);
    }
  });
}

/**
 * The card for a deal post. Fetched in batch with its neighbours; not refetched on focus, because each fetch
 * counts an impression. The countdown runs on the client.
 */
export function useDealCard(id: string) {
  return useQuery({
    queryKey: commerceKeys.deal(id),
    queryFn: () => loadDealCard(id),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

/** A single deal for its own page (a shared link): not batched. */
export function useDeal(id: string) {
  return useQuery({
    queryKey: commerceKeys.deal(id),
    queryFn: () => commerceApi.deal(id),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
