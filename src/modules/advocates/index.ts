import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { CommerceModule } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import { advocatesRoutes } from './advocates.routes.ts';
import { createAdvocatesService } from './advocates.service.ts';
import { createInfluenceJob } from './influence.job.ts';
import { referralsRoutes } from './referrals/referrals.routes.ts';
import { createReferralsService } from './referrals/referrals.service.ts';
import { subscribeRewards } from './referrals/rewards.handlers.ts';

export type AdvocatesDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  social: Pick<SocialModule, 'graph' | 'follows'>;
  commerce: Pick<CommerceModule, 'advocacy'>;
  /** The clock (tests move it); the wall clock by default. */
  now?: () => Date;
  log?: { error(obj: object, msg: string): void };
};

/**
 * Advocates: influence from the follow and reshare graphs, ranked advocates per brand, segments; referrals
 * with the brand's rules and the contribution ledger, fed by commerce and ideas events.
 */
export function createAdvocatesModule(deps: AdvocatesDeps) {
  const now = deps.now ?? (() => new Date());
  const service = createAdvocatesService({ ...deps, now });
  const rewards = subscribeRewards({ ...deps, now });
  const referrals = createReferralsService({ ...deps, now });
  return {
    service,
    referrals,
    /** Who is in a saved segment, for deals whose audience is a segment. */
    audiences: service.audiences,
    /** Earns paid referrals whose hold has passed (the background job calls it on every tick). */
    earnDueReferrals: () => rewards.earnDue(),
    /** The background job: influence runs (`runPending` computes queued runs now) and due referrals. */
    job: createInfluenceJob({ ...deps, now, afterTick: () => rewards.earnDue() }),
    routes: async (app: FastifyInstance) => {
      await app.register(advocatesRoutes(service));
      await app.register(referralsRoutes(referrals));
    },
  };
}

export type AdvocatesModule = ReturnType<typeof createAdvocatesModule>;
