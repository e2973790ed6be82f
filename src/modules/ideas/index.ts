import type { FastifyInstance } from 'fastify';
import { type Db, ownTables } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { CommerceModule } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import * as engagementRepo from './engagement.repo.ts';
import * as bulk from './ideas.bulk.repo.ts';
import { Idea } from './ideas.schemas.ts';
import type { IdeasTables } from './ideas.tables.ts';
import { createLoopService } from './loop.service.ts';
import { portalRoutes } from './portal.routes.ts';
import { createPortalService } from './portal.service.ts';
import { workflowRoutes } from './workflow.routes.ts';
import { createWorkflowService } from './workflow.service.ts';

export { HALF_LIFE_SECONDS } from './ideas.repo.ts';
export { SHIPPED_IDEA_POINTS } from './loop.service.ts';

/** The ideas portal: ideas per brand with voting budgets, review workflow, merges, and the loop to products and buyers. */
export function createIdeasModule(deps: {
  db: Db;
  events: EventBus;
  identity: IdentityModule;
  commerce: CommerceModule;
}) {
  const portal = createPortalService(deps);
  const workflow = createWorkflowService(deps);
  const loop = createLoopService(deps);
  return {
    portal,
    workflow,
    loop,
    /** Each person's first idea, vote or comment in the brand's portal, for cohort analysis. */
    firstParticipations: (orgId: string) => engagementRepo.firstParticipations(deps.db, orgId),
    schemas: [Idea],
    routes: async (app: FastifyInstance) => {
      await app.register(portalRoutes(portal));
      await app.register(workflowRoutes({ workflow, loop }));
    },
  };
}

export type IdeasModule = ReturnType<typeof createIdeasModule>;

/** Set-based generation of a brand's ideas and votes, for benchmarks. */
export const generateIdeas = (db: Db, orgId: string, ideas: number, votes: number) =>
  bulk.generateIdeas(ownTables<IdeasTables>(db), orgId, ideas, votes);
