import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { CareModule } from '../care/index.ts';
import type { AudienceResolver, CommerceModule } from '../commerce/index.ts';
import type { IdeasModule } from '../ideas/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import { advocatesRoutes } from './advocates.routes.ts';
import { createAdvocatesService } from './advocates.service.ts';
import { createInfluenceJob } from './influence.job.ts';
import { longGameRoutes } from './long-game/long-game.routes.ts';
import { createLongGameService } from './long-game/long-game.service.ts';
import { staffPoints } from './referrals/referrals.repo.ts';
import { referralsRoutes } from './referrals/referrals.routes.ts';
import { createReferralsService } from './referrals/referrals.service.ts';
import { subscribeRewards } from './referrals/rewards.handlers.ts';
import { tiersRoutes } from './tiers/tiers.routes.ts';
import { createTiersService } from './tiers/tiers.service.ts';

export { DEFAULT_TIERS, type Tier } from './tiers/tier-ladder.ts';

export type AdvocatesDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  social: Pick<SocialModule, 'graph' | 'follows'>;
  commerce: Pick<CommerceModule, 'advocacy'>;
  /** Engagement sources of the long-game dashboard beside social's follows, replies and reshares. */
  care?: Pick<CareModule, 'firstContacts'>;
  ideas?: Pick<IdeasModule, 'firstParticipations'>;
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
  const tiers = createTiersService({ ...deps, now });
  const longGame = createLongGameService({ ...deps, now });
  const referrals = createReferralsService({ ...deps, now, tiers });
  const audiences: AudienceResolver = {
    exists: (orgId, ref) =>
      ref.kind === 'tier' ? tiers.tierExists(orgId, ref.id) : service.audiences.segmentExists(orgId, ref.id),
    includes: (orgId, ref, accountId) =>
      ref.kind === 'tier'
        ? tiers.inTier(orgId, ref.id, accountId)
        : service.audiences.inSegment(orgId, ref.id, accountId),
    label: (orgId, ref) =>
      ref.kind === 'tier' ? tiers.tierName(orgId, ref.id) : service.audiences.segmentName(orgId, ref.id),
  };
  return {
    service,
    /** Who a challenge's invite list names: a saved segment, or a tier and those above it (the co-design perk). */
    invites: {
      segmentExists: (orgId: string, id: string) => audiences.exists(orgId, { kind: 'segment', id }),
      inSegment: (orgId: string, id: string, accountId: string) =>
        audiences.includes(orgId, { kind: 'segment', id }, accountId),
      tierExists: (orgId: string, key: string) => tiers.tierExists(orgId, key),
      inTier: (orgId: string, key: string, accountId: string) => tiers.inTier(orgId, key, accountId),
    },
    referrals,
    tiers,
    longGame,
    /** Who is in a segment or a tier (and those above it), for deals and products whose audience names one. */
    audiences,
    /**
     * A tier as an invite list (an ideas challenge open to a tier): whether the brand has the tier, and the people
     * at or above it now. `tierMembers` is a snapshot; `audiences.includes` answers for one person from live points.
     */
    tierExists: (orgId: string, tierKey: string) => tiers.tierExists(orgId, tierKey),
    tierMembers: (orgId: string, tierKey: string) => tiers.members(orgId, tierKey),
    /** Tier badges (above a brand's first tier) for authors: one query per page, with one brand or all. */
    badges: (accountIds: string[], orgId: string | null) => tiers.badges(accountIds, orgId),
    /** Each person's points in [from, to) for staff shares and the sales they led to (employee advocacy). */
    staffPoints: (orgId: string, from: Date, to: Date) => staffPoints(deps.db, orgId, from, to),
    /** Earns paid referrals whose hold has passed (the background job calls it on every tick). */
    earnDueReferrals: () => rewards.earnDue(),
    /** The background job: influence runs (`runPending` computes queued runs now) and due referrals. */
    job: createInfluenceJob({
      ...deps,
      now,
      afterTick: async () => {
        await rewards.earnDue();
        await tiers.sweep();
      },
    }),
    routes: async (app: FastifyInstance) => {
      await app.register(advocatesRoutes(service));
      await app.register(referralsRoutes(referrals));
      await app.register(tiersRoutes(tiers));
      await app.register(longGameRoutes(longGame));
    },
  };
}

export type AdvocatesModule = ReturnType<typeof createAdvocatesModule>;
