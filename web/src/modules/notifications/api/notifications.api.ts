import { api } from '../../../shared/api/client.ts';
import type { Page } from '../../../shared/api/types.ts';
import type {
  Notification,
  NotificationPreference,
  NotificationPreferences,
  UnreadCount,
} from './notifications.types.ts';

export const notificationsApi = {
  list: (as: string | undefined, cursor?: string) =>
    api<Page<Notification>>('/notifications', { query: { as, cursor } }),
  unreadCount: () => api<UnreadCount>('/notifications/unread-count'),
  markRead: (as: string | undefined) =>
    api<void>('/notifications/read', { method: 'POST', body: as ? { as } : {} }),
  preferences: () => api<NotificationPreferences>('/me/notification-preferences'),
  setPreference: (kind: NotificationPreference['kind'], channels: { inApp: boolean; email: boolean }) =>
    api<NotificationPreference>(`/me/notification-preferences/${encodeURIComponent(kind)}`, {
      method: 'PUT',
      body: channels,
    }),
  unsubscribe: (token: string) =>
    api<NotificationPreference>('/notifications/unsubscribe', { method: 'POST', body: { token } }),
};

/** The live stream URL; EventSource sends the session cookie on its own. */
export const STREAM_URL = '/api/v1/stream';
