import type { FastifyInstance } from 'fastify';
import { type Db, ownTables } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { CareModule } from '../care/index.ts';
import type { CommerceModule } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import { challengeRoutes } from './challenges.routes.ts';
import {
  createChallengeAccess,
  createChallengesService,
  type SegmentResolver,
  type SegmentSlot,
} from './challenges.service.ts';
import * as engagementRepo from './engagement.repo.ts';
import * as bulk from './ideas.bulk.repo.ts';
import { Idea } from './ideas.schemas.ts';
import type { IdeasTables } from './ideas.tables.ts';
import { createLoopService } from './loop.service.ts';
import { createModerationService } from './moderation.service.ts';
import { ideasInPeriod } from './period.repo.ts';
import { createIdeasPersonalData } from './personal-data.service.ts';
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
  care: Pick<CareModule, 'conversions'>;
}) {
  const segments: SegmentSlot = {};
  const access = createChallengeAccess(ownTables<IdeasTables>(deps.db), segments);
  const portal = createPortalService({ ...deps, access });
  deps.care.conversions.register('idea', portal.fromConversation);
  const workflow = createWorkflowService(deps);
  const loop = createLoopService(deps);
  const challenges = createChallengesService({ ...deps, segments, access, portal });
  const moderation = createModerationService({ ...deps, portal });
  return {
    portal,
    workflow,
    loop,
    /** A person's ideas, comments, votes and follows in their export; they stop following ideas on closing. */
    personalData: createIdeasPersonalData(deps.db),
    /** Ideas received and shipped in a period, with the most voted received (briefing books). */
    inPeriod: (orgId: string, from: Date, to: Date) =>
      ideasInPeriod(ownTables<IdeasTables>(deps.db), orgId, from, to),
    challenges,
    moderation,
    /** Plugs in who is in a saved segment (the advocates module's), for challenges that invite one. */
    plugSegments(resolver: SegmentResolver) {
      segments.resolver = resolver;
    },
    /** Each person's first idea, vote or comment in the brand's portal, for cohort analysis. */
    firstParticipations: (orgId: string) => engagementRepo.firstParticipations(deps.db, orgId),
    schemas: [Idea],
    routes: async (app: FastifyInstance) => {
      await app.register(portalRoutes(portal));
      await app.register(workflowRoutes({ workflow, loop }));
      await app.register(challengeRoutes(challenges, moderation));
    },
  };
}

export type IdeasModule = ReturnType<typeof createIdeasModule>;

/** Set-based generation of a brand's ideas and votes, for benchmarks. */
export const generateIdeas = (db: Db, orgId: string, ideas: number, votes: number) =>
  bulk.generateIdeas(ownTables<IdeasTables>(db), orgId, ideas, votes);
