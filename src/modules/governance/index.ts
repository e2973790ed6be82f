import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { CareModule } from '../care/index.ts';
import type { CommerceModule } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import { advocacyRoutes } from './advocacy/advocacy.routes.ts';
import { createAdvocacyService } from './advocacy/advocacy.service.ts';
import { approvalsRoutes } from './approvals.routes.ts';
import { createApprovalsService } from './approvals.service.ts';
import { certificationRoutes } from './certification/certification.routes.ts';
import { createCertificationService } from './certification/certification.service.ts';
import { governanceRoutes } from './governance.routes.ts';
import { createPolicyService } from './policy.service.ts';

export type { PointsSource } from './advocacy/advocacy.service.ts';
export { PolicyOverride } from './governance.schemas.ts';
export type { PolicyCheckInput } from './policy.service.ts';

/** How often the background sweep looks for scheduled posts that are due. */
const PUBLISH_SWEEP_MS = 5000;

/**
 * A brand's social policy (rules, lint, enforcement on submit), the audit log of blocks and overrides, and
 * approvals with scheduled publishing. Social checks posts through `policy`; approvals publish through social,
 * deals through commerce and public replies through care, so they are wired once those exist (`withPublishing`).
 */
export function createGovernanceModule(deps: {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts' | 'service'>;
}) {
  const policy = createPolicyService(deps);
  const certification = createCertificationService({ ...deps, policy });
  return {
    policy,
    /** The course on the brand's policy, the quiz and the certificates it issues. */
    certification,
    routes: async (app: FastifyInstance) => {
      await app.register(governanceRoutes(policy));
      await app.register(certificationRoutes(certification));
    },
    /** Approvals and scheduled publishing, which post through social; employee advocacy, which shares through it. */
    withPublishing(more: {
      events: EventBus;
      social: Pick<SocialModule, 'posts' | 'reads' | 'follows' | 'authorship'>;
      commerce: Pick<CommerceModule, 'deals' | 'advocacy'>;
      care: Pick<CareModule, 'replies'>;
    }) {
      const publishers = { deals: more.commerce.deals, replies: more.care.replies };
      const approvals = createApprovalsService({ ...deps, ...more, policy, publishers });
      const advocacy = createAdvocacyService({ ...deps, ...more, policy });
      let timer: ReturnType<typeof setInterval> | undefined;
      let running: Promise<unknown> = Promise.resolve();
      return {
        approvals,
        /** The content library, staff shares, the staff leaderboard; `plugPoints` once advocates exists. */
        advocacy,
        routes: async (app: FastifyInstance) => {
          await app.register(approvalsRoutes(approvals));
          await app.register(advocacyRoutes(advocacy));
        },
        /** The sweep: publishes due drafts every few seconds (a lease keeps each to one process). */
        job: {
          start(log?: { error(obj: object, msg: string): void }, everyMs = PUBLISH_SWEEP_MS) {
            timer ??= setInterval(() => {
              running = approvals
                .publishDue()
                .catch((err) => log?.error({ err }, 'scheduled publishing failed'));
            }, everyMs);
          },
          async stop() {
            clearInterval(timer);
            timer = undefined;
            await running;
          },
        },
      };
    },
  };
}

export type GovernanceModule = ReturnType<typeof createGovernanceModule>;
