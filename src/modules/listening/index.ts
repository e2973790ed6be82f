import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { LiveHub } from '../../platform/live/live-hub.ts';
import type { CareModule } from '../care/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { MailModule } from '../mail/index.ts';
import type { NotificationsModule } from '../notifications/index.ts';
import type { SocialModule } from '../social/index.ts';
import { emailChannel, inAppChannel, webhookChannel } from './alerts/alert-channels.ts';
import { alertsRoutes } from './alerts/alerts.routes.ts';
import { createAlertsService } from './alerts/alerts.service.ts';
import { briefingsRoutes } from './briefings/briefings.routes.ts';
import { type BriefingDeps, createBriefingsService } from './briefings/briefings.service.ts';
import { listeningRoutes } from './listening.routes.ts';
import { createImportService } from './mentions/import.service.ts';
import { createMentionsService } from './mentions/mentions.service.ts';
import { sourcesRoutes } from './sources/sources.routes.ts';
import { createSourcesService } from './sources/sources.service.ts';
import { spikesRoutes } from './spikes/spikes.routes.ts';
import { createSpikesService } from './spikes/spikes.service.ts';
import { createMembership } from './topics/membership.service.ts';
import { rulesRoutes } from './topics/rules.routes.ts';
import { createTopicsService } from './topics/topics.service.ts';

/** A briefing book's figures and its PDF, drawn from them alone (benchmarks compare it with writing the book). */
export { renderBriefingPdf } from './briefings/briefing.pdf.ts';
export type { BriefingFigures } from './briefings/briefings.schemas.ts';
export { lastFullWeek } from './briefings/briefings.service.ts';
/** What `npm run bench:listening` drives: the import service and the topic-page queries on a bare database. */
export { createListeningBench } from './listening.bench-support.ts';

/** What `souk listen import` reports as it goes. */
export type { ImportCounts } from './mentions/import.service.ts';

/** Listening: mentions of a brand from Souk and imported files, topics with a query language, their charts and spikes. */
export function createListeningModule(deps: {
  db: Db;
  events: EventBus;
  live: LiveHub;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  social: Pick<SocialModule, 'follows'>;
  notifications: Pick<NotificationsModule, 'service'>;
  care: Pick<CareModule, 'inbox'>;
  mail: Pick<MailModule, 'service'>;
  /** The web app's address, for links in alerts. */
  publicUrl?: string;
  /** Whether Mastodon instances and webhooks may be on loopback or a private network. */
  outboundPrivate: boolean;
}) {
  /** Topic and tag membership: tagged with each stored batch, backfilled through the outbox for a new query. */
  const membership = createMembership(deps);
  const topics = createTopicsService({ ...deps, membership });
  const mentions = createMentionsService({ ...deps, topics, membership });
  /** Imports of mention files: `imports.run(orgId, userId, bytes, { format, … })` streams one into the brand's mentions. */
  const imports = createImportService({ ...deps, membership });
  /** Spikes: `spikes.scanAll()` is the background sweep; found spikes are announced as `listening.spike_detected`. */
  const spikes = createSpikesService({ ...deps, topics });
  /** Mastodon hashtags and accounts the brand follows: `sources.job` polls them through the public REST API. */
  const sources = createSourcesService(deps);
  /** Spike alerts through the channels a brand chose (in the app, webhook, mail), each delivery retried with backoff. */
  const alerts = createAlertsService({
    ...deps,
    channels: [inAppChannel(deps), webhookChannel(deps.outboundPrivate), emailChannel(deps)],
    publicUrl: deps.publicUrl ?? 'http://localhost:3000',
  });
  return {
    topics,
    mentions,
    imports,
    spikes: {
      ...spikes,
      /** The background sweep; it also retries due alerts, without waiting for them. */
      async scanAll(now?: Date) {
        void alerts.deliverDue().catch(() => {});
        return spikes.scanAll(now);
      },
    },
    alerts,
    sources,
    /** Briefing books, which also read care, ideas, requests and commerce: composed once those exist. */
    withBriefings(more: Omit<BriefingDeps, 'db' | 'identity' | 'spikes'>) {
      const service = createBriefingsService({ ...deps, spikes, ...more });
      return { service, routes: briefingsRoutes(service) };
    },
    routes: async (app: FastifyInstance) => {
      await app.register(listeningRoutes({ topics, mentions, imports }));
      await app.register(rulesRoutes(topics));
      await app.register(spikesRoutes(spikes));
      await app.register(alertsRoutes(alerts));
      await app.register(sourcesRoutes(sources));
    },
  };
}

export type ListeningModule = ReturnType<typeof createListeningModule>;
