import type { QueryClient } from '@tanstack/react-query';
import type { ConversationFilter } from '../api/care.types.ts';

/** Every care query lives under ['care', handle], so a live event refreshes a brand's inbox in one call. */
export const careKeys = {
  all: ['care'] as const,
  org: (handle: string) => ['care', handle.toLowerCase()] as const,
  conversations: (handle: string, filter: ConversationFilter) =>
    ['care', handle.toLowerCase(), 'conversations', filter] as const,
  conversation: (handle: string, id: string) => ['care', handle.toLowerCase(), 'conversation', id] as const,
  queues: (handle: string) => ['care', handle.toLowerCase(), 'queues'] as const,
  rules: (handle: string) => ['care', handle.toLowerCase(), 'rules'] as const,
  /** The person's own conversations with brands (their Support page), whichever brands they talk to. */
  mine: ['care', 'me', 'conversations'] as const,
};

/**
 * Called on a `care.conversation` stream event: the inbox lists and open conversations refetch. The event names
 * the org by id only, so every brand's inbox on screen refreshes; inactive queries just go stale.
 */
export function refreshInboxes(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({
    predicate: (query) =>
      query.queryKey[0] === 'care' &&
      (query.queryKey[2] === 'conversations' || query.queryKey[2] === 'conversation'),
  });
}
