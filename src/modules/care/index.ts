import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { LiveHub } from '../../platform/live/live-hub.ts';
import type { CommerceModule } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import { careRoutes } from './care.routes.ts';
import { identityLinkRoutes } from './identity-links.routes.ts';
import { createIdentityLinksService } from './identity-links.service.ts';
import { createInboxService } from './inbox.service.ts';
import { inboxExtrasRoutes } from './inbox-extras.routes.ts';
import { createInboxSettings } from './inbox-settings.ts';
import { registerIngest } from './ingest.service.ts';
import { intentModelRoutes } from './intent-model.routes.ts';
import { createIntentModelService } from './intent-model.service.ts';
import { createMergeService } from './merge.service.ts';
import { slaRoutes } from './sla.routes.ts';
import { createSlaService } from './sla.service.ts';
import { workflowRoutes } from './workflow.routes.ts';
import { createWorkflowService } from './workflow.service.ts';

export { triage } from './triage/index.ts';

/** The social care inbox: conversations from mentions, replies and direct messages, triaged, routed and answered. */
export function createCareModule(deps: {
  db: Db;
  events: EventBus;
  live: LiveHub;
  identity: IdentityModule;
  social: SocialModule;
  commerce: CommerceModule;
}) {
  const intentModels = createIntentModelService(deps);
  registerIngest({ ...deps, intentModels });
  const inbox = createInboxService(deps);
  const workflow = createWorkflowService({ ...deps, inbox });
  const sla = createSlaService(deps);
  const merge = createMergeService(deps);
  const settings = createInboxSettings(deps);
  /** Identities on other networks: `identityLinks.propose` also serves imports (pending until the person confirms). */
  const identityLinks = createIdentityLinksService(deps);
  return {
    inbox,
    workflow,
    sla,
    intentModels,
    merge,
    settings,
    identityLinks,
    routes: async (app: FastifyInstance) => {
      await app.register(careRoutes(inbox));
      await app.register(workflowRoutes(workflow));
      await app.register(inboxExtrasRoutes({ merge, settings }));
      await app.register(identityLinkRoutes(identityLinks));
      await app.register(slaRoutes(sla));
      await app.register(intentModelRoutes(intentModels));
    },
  };
}

export type CareModule = ReturnType<typeof createCareModule>;
