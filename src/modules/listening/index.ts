import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import { briefingsRoutes } from './briefings/briefings.routes.ts';
import { type BriefingDeps, createBriefingsService } from './briefings/briefings.service.ts';
import { listeningRoutes } from './listening.routes.ts';
import { createImportService } from './mentions/import.service.ts';
import { createMentionsService } from './mentions/mentions.service.ts';
import { spikesRoutes } from './spikes/spikes.routes.ts';
import { createSpikesService } from './spikes/spikes.service.ts';
import { createTopicsService } from './topics/topics.service.ts';

/** A briefing book's figures and its PDF, drawn from them alone (benchmarks compare it with writing the book). */
export { renderBriefingPdf } from './briefings/briefing.pdf.ts';
export type { BriefingFigures } from './briefings/briefings.schemas.ts';
export { lastFullWeek } from './briefings/briefings.service.ts';

/** What `souk listen import` reports as it goes. */
export type { ImportCounts } from './mentions/import.service.ts';

/** Listening: mentions of a brand from Souk and imported files, topics with a query language, their charts and spikes. */
export function createListeningModule(deps: {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  social: Pick<SocialModule, 'follows'>;
}) {
  const topics = createTopicsService(deps);
  const mentions = createMentionsService({ ...deps, topics });
  /** Imports of mention files: `imports.run(orgId, userId, bytes, { format, … })` streams one into the brand's mentions. */
  const imports = createImportService(deps);
  /** Spikes: `spikes.scanAll()` is the background sweep; found spikes are announced as `listening.spike_detected`. */
  const spikes = createSpikesService({ ...deps, topics });
  return {
    topics,
    mentions,
    imports,
    spikes,
    /** Briefing books, which also read care, ideas, requests and commerce: composed once those exist. */
    withBriefings(more: Omit<BriefingDeps, 'db' | 'identity' | 'spikes'>) {
      const service = createBriefingsService({ ...deps, spikes, ...more });
      return { service, routes: briefingsRoutes(service) };
    },
    routes: async (app: FastifyInstance) => {
      await app.register(listeningRoutes({ topics, mentions, imports }));
      await app.register(spikesRoutes(spikes));
    },
  };
}

export type ListeningModule = ReturnType<typeof createListeningModule>;
