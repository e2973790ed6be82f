import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { LiveHub } from '../../platform/live/live-hub.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { MailModule } from '../mail/index.ts';
import type { SocialModule } from '../social/index.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { createNotificationsService } from './notifications.service.ts';
import { preferencesRoutes } from './preferences/preferences.routes.ts';
import { createPreferencesService } from './preferences/preferences.service.ts';

/**
 * Mention, reply, reshare, like, follow, care and order notifications, with unread counts, pushed live, and
 * mailed (to a confirmed address) by each person's notification preferences.
 */
export function createNotificationsModule(deps: {
  db: Db;
  events: EventBus;
  live: LiveHub;
  identity: IdentityModule;
  social: SocialModule;
  mail: Pick<MailModule, 'service'>;
  /** The web app's address, for links in mail. */
  publicUrl?: string;
}) {
  const preferences = createPreferencesService({
    ...deps,
    publicUrl: deps.publicUrl ?? 'http://localhost:3000',
  });
  const service = createNotificationsService({ ...deps, preferences });
  return {
    service,
    preferences,
    routes: async (app: FastifyInstance) => {
      await app.register(notificationRoutes(service));
      await app.register(preferencesRoutes(preferences));
    },
  };
}

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
