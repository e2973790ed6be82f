import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { LiveHub } from '../../platform/live/live-hub.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { createNotificationsService } from './notifications.service.ts';

/** Mention, reply, reshare, like, follow, care and order notifications, with unread counts, pushed live. */
export function createNotificationsModule(deps: {
  db: Db;
  events: EventBus;
  live: LiveHub;
  identity: IdentityModule;
  social: SocialModule;
}) {
  const service = createNotificationsService(deps);
  return { service, routes: notificationRoutes(service) };
}
