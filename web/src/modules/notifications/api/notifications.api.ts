import { api } from '../../../shared/api/client.ts';
import type { Page } from '../../../shared/api/types.ts';
import type { Notification, UnreadCount } from './notifications.types.ts';

export const notificationsApi = {
  list: (as: string | undefined, cursor?: string) =>
    api<Page<Notification>>('/notifications', { query: { as, cursor } }),
  unreadCount: () => api<UnreadCount>('/notifications/unread-count'),
  markRead: (as: string | undefined) =>
    api<void>('/notifications/read', { method: 'POST', body: as ? { as } : {} }),
};

/** The live stream URL; EventSource sends the session cookie on its own. */
export const STREAM_URL = '/api/v1/stream';
