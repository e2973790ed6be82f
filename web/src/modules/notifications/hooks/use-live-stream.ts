import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { careKeys, refreshInboxes } from '../../care/index.ts';
import { refreshListening } from '../../listening/index.ts';
import { STREAM_URL } from '../api/notifications.api.ts';
import type { UnreadCount } from '../api/notifications.types.ts';
import { notificationsKey, unreadKey } from './use-notifications.ts';

function readTotal(event: MessageEvent): number | undefined {
  try {
    const data: unknown = JSON.parse(event.data);
    if (data && typeof data === 'object' && 'total' in data && typeof data.total === 'number')
      return data.total;
  } catch {
    // a malformed event is ignored; the next one or a refetch corrects the badge
  }
  return undefined;
}

/** Keeps the unread badge and notification lists live over Server-Sent Events while signed in. */
export function useLiveStream(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(STREAM_URL);
    const onUnread = (event: MessageEvent) => {
      const total = readTotal(event);
      if (total === undefined) return;
      queryClient.setQueryData<UnreadCount>(unreadKey, (old) => ({ total, byAccount: old?.byAccount ?? [] }));
    };
    const onNotification = () => {
      void queryClient.invalidateQueries({ queryKey: notificationsKey });
    };
    // After a reconnect, events may have been missed: read the count again.
    const onReady = () => {
      void queryClient.invalidateQueries({ queryKey: unreadKey });
      refreshInboxes(queryClient);
      void queryClient.invalidateQueries({ queryKey: careKeys.mine });
    };
    // A conversation of a brand inbox the user works changed: lists and the open conversation refetch.
    const onCare = () => refreshInboxes(queryClient);
    // One of the person's own conversations with a brand changed: their Support page and its badge refetch.
    const onMyCare = () => void queryClient.invalidateQueries({ queryKey: careKeys.mine });
    source.addEventListener('unread', onUnread);
    source.addEventListener('notification', onNotification);
    source.addEventListener('ready', onReady);
    source.addEventListener('care.conversation', onCare);
    source.addEventListener('care.mine', onMyCare);
    // A topic of a brand the user listens for spiked: its spikes panel and charts refetch.
    const onSpike = () => void refreshListening(queryClient);
    source.addEventListener('listening.spike', onSpike);
    return () => source.close();
  }, [enabled, queryClient]);
}
