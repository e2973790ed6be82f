import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { LiveHub } from '../../platform/live/live-hub.ts';
import type { CommerceModule } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import * as engagementRepo from './engagement.repo.ts';
import { identityLinkRoutes } from './identity-links/identity-links.routes.ts';
import { createIdentityLinksService } from './identity-links/identity-links.service.ts';
import { createConversionTargets } from './inbox/conversion.ts';
import { customerCareRoutes } from './inbox/customer.routes.ts';
import { createCustomerCareService } from './inbox/customer.service.ts';
import { inboxRoutes } from './inbox/inbox.routes.ts';
import { createInboxService } from './inbox/inbox.service.ts';
import { replyRoutes } from './inbox/reply.routes.ts';
import { createReplyService } from './inbox/reply.service.ts';
import { createSalesDoor } from './inbox/sales-door.service.ts';
import { registerIngest } from './ingest/ingest.service.ts';
import { intentModelRoutes } from './intent-models/intent-model.routes.ts';
import { createIntentModelService } from './intent-models/intent-model.service.ts';
import { mergeRoutes } from './merge/merge.routes.ts';
import { createMergeService } from './merge/merge.service.ts';
import { createCarePersonalData } from './personal-data.service.ts';
import { rankingRoutes } from './ranking/ranking.routes.ts';
import { createRankingService } from './ranking/ranking.service.ts';
import { createInboxSettings } from './settings/inbox-settings.service.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import { reportRoutes } from './sla/report.routes.ts';
import { createReportService } from './sla/report.service.ts';
import { slaRoutes } from './sla/sla.routes.ts';
import { createSlaService } from './sla/sla.service.ts';
import { cannedRoutes } from './workflow/canned.routes.ts';
import { createCannedService } from './workflow/canned.service.ts';
import { queueRoutes } from './workflow/queues.routes.ts';
import { createQueuesService } from './workflow/queues.service.ts';
import { ruleRoutes } from './workflow/rules.routes.ts';
import { createRulesService } from './workflow/rules.service.ts';

/** How a module turns a consented conversation into its thing (an idea, a request), and the drafts it gets. */
export type { Converter, IdeaDraft, RfpDraft } from './inbox/conversion.ts';
/** A conversation as the sales side sees it, and the door it comes through. */
export type { ConversationFacts, SalesDoor } from './inbox/sales-door.service.ts';
/** What a retrain did, as `souk care retrain` reports it. */
export type { RetrainOutcome } from './intent-models/intent-model.service.ts';

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
  const replies = createReplyService(deps);
  const conversions = createConversionTargets();
  const customers = createCustomerCareService({ ...deps, targets: conversions });
  const queues = createQueuesService(deps);
  const rules = createRulesService(deps);
  const canned = createCannedService({ ...deps, inbox });
  const sla = createSlaService(deps);
  const reports = createReportService(deps);
  const merge = createMergeService(deps);
  const settings = createInboxSettings(deps);
  /** Identities on other networks: `identityLinks.propose` also serves imports (pending until the person confirms). */
  const identityLinks = createIdentityLinksService(deps);
  /** The public service-quality ranking; `ranking.performance(orgId, from, to)` gives a period's care figures. */
  const ranking = createRankingService(deps);
  return {
    inbox,
    replies,
    customers,
    /** Where ideas and rfp register how a consented conversation becomes an idea or a request. */
    conversions: { register: conversions.register },
    queues,
    rules,
    canned,
    sla,
    reports,
    intentModels,
    merge,
    settings,
    identityLinks,
    /** Their cases and linked identities in a person's export; the links end when they close their account. */
    personalData: createCarePersonalData(deps.db, customers),
    ranking,
    /** Each customer's first conversation with the brand, for cohort analysis. */
    firstContacts: (orgId: string) => engagementRepo.firstContacts(deps.db, orgId),
    /** For requests for proposals and VRM quotes: thread conversations, one intent's conversations, going private. */
    sales: createSalesDoor({ db: deps.db, replies, customers }),
    routes: async (app: FastifyInstance) => {
      await app.register(inboxRoutes(inbox));
      await app.register(replyRoutes({ replies, inbox }));
      await app.register(customerCareRoutes(customers));
      await app.register(queueRoutes(queues));
      await app.register(ruleRoutes(rules));
      await app.register(cannedRoutes(canned));
      await app.register(mergeRoutes(merge));
      await app.register(settingsRoutes(settings));
      await app.register(identityLinkRoutes(identityLinks));
      await app.register(slaRoutes(sla));
      await app.register(reportRoutes(reports));
      await app.register(intentModelRoutes(intentModels));
      await app.register(rankingRoutes(ranking));
    },
  };
}

export type CareModule = ReturnType<typeof createCareModule>;
