import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationsApi } from '../api/notifications.api.ts';
import type { UnreadCount } from '../api/notifications.types.ts';

export const notificationsKey = ['notifications'] as const;
export const unreadKey = [...notificationsKey, 'unread'] as const;

export function useNotifications(as: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'list', as ?? ''],
    queryFn: ({ pageParam }) => notificationsApi.list(as, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUnreadCount(enabled: boolean) {
  return useQuery({ queryKey: unreadKey, queryFn: notificationsApi.unreadCount, enabled, staleTime: 30_000 });
}

/** Marks everything read for you or for one org; the badge drops at once and is then re-read. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (as: string | undefined) => notificationsApi.markRead(as),
    onSuccess: (_void, as) => {
      queryClient.setQueryData<UnreadCount>(unreadKey, (old) => {
        if (!old) return old;
        const cleared = old.byAccount.find((b) =>
          as ? b.account.handle === as : b.account.kind === 'person',
        );
        const byAccount = old.byAccount.map((b) => (b === cleared ? { ...b, unread: 0 } : b));
        return { total: Math.max(0, old.total - (cleared?.unread ?? 0)), byAccount };
      });
      void queryClient.invalidateQueries({ queryKey: unreadKey });
    },
  });
}
