// The notifications module's door: the only file the app and other modules import. It brings the module's styles.
import './notifications.css';

/** Settings → Notifications, and the page a mail's unsubscribe link opens (no sign-in needed). */
export { NotificationSettings } from './components/notification-settings.tsx';
export { NotificationsPage } from './components/notifications-page.tsx';
export { UnsubscribePage } from './components/unsubscribe-page.tsx';
/** Opens the live stream (SSE) for the signed-in user and refreshes what it announces. */
export { useLiveStream } from './hooks/use-live-stream.ts';
/** The unread count for the navigation badge. */
export { useUnreadCount } from './hooks/use-notifications.ts';
