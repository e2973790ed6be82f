import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { LiveHub } from '../../platform/live/live-hub.ts';
import type { CommerceModule } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import { careRoutes } from './care.routes.ts';
import { createInboxService } from './inbox.service.ts';
import { registerIngest } from './ingest.service.ts';
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
  registerIngest(deps);
  const inbox = createInboxService(deps);
  const workflow = createWorkflowService({ ...deps, inbox });
  return {
    inbox,
    workflow,
    routes: async (app: FastifyInstance) => {
      await app.register(careRoutes(inbox));
      await app.register(workflowRoutes(workflow));
    },
  };
}

export type CareModule = ReturnType<typeof createCareModule>;
