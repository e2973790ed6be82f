import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { MediaModule } from '../media/index.ts';
import { accountRoutes } from './accounts.routes.ts';
import type { BadgeResolver, BadgeSlot } from './badges.ts';
import * as engagementRepo from './engagement.repo.ts';
import { createFollowsService } from './follows.service.ts';
import * as graphRepo from './graph.repo.ts';
import { createSocialPersonalData } from './personal-data.service.ts';
import { postRoutes } from './posts.routes.ts';
import { createPostsService, type PolicyGate } from './posts.service.ts';
import { createReadsService } from './reads.service.ts';
import * as repo from './social.repo.ts';
import { OriginalPost, Post, QuotedPost } from './social.schemas.ts';

export type { AuthorBadge, BadgeResolver } from './badges.ts';
/** Text parsing and bulk loading, for the demo world and imports. */
export { parseText, resolveEntities } from './entities.ts';
export type { FollowEdge, ReshareEdge } from './graph.repo.ts';
export { type PolicyGate, viewerOf } from './posts.service.ts';
export {
  type BulkFollow,
  type BulkHomeEntry,
  type BulkLike,
  type BulkPost,
  socialBulk,
} from './social.bulk.ts';
export type { PostCreated } from './social.events.ts';
export type { PostJson } from './social.present.ts';
export type { Viewer } from './social.repo.ts';
export type { PostEntities } from './social.tables.ts';

/** Profiles, follows, posts, replies, reshares, likes, timelines and search. */
export function createSocialModule(deps: {
  db: Db;
  events: EventBus;
  identity: IdentityModule;
  media: Pick<MediaModule, 'attachments'>;
  policy?: PolicyGate;
}) {
  const { events } = deps;
  const badges: BadgeSlot = {};
  const module = {
    posts: createPostsService(deps),
    reads: createReadsService({ ...deps, badges }),
    follows: createFollowsService({ ...deps, badges }),
    /** Plugs in who holds which tier badge (the advocates module's tiers), asked once per page of posts. */
    plugBadges(resolver: BadgeResolver) {
      badges.resolver = resolver;
    },
    /** The whole follow and reshare graphs page by page, for background graph jobs (never a request path). */
    graph: {
      followPage: (after: graphRepo.FollowEdge | null, limit: number) =>
        graphRepo.followPage(deps.db, after, limit),
      resharePage: (afterId: string | null, limit: number) => graphRepo.resharePage(deps.db, afterId, limit),
      /** Each person's first follow of, reply to or reshare of an account, for cohort analysis. */
      firstEngagements: (accountId: string) => engagementRepo.firstEngagements(deps.db, accountId),
    },
    /** Facts for crediting a brand's sales people: who posted a post, how much each person posted. */
    authorship: {
      /** Who posted each post (the member behind a brand post too). */
      postedBy: (postIds: string[]) => graphRepo.postedBy(deps.db, postIds),
      /** Public posts each person posted in [from, to), as themselves or as a brand. */
      postCounts: (userIds: string[], from: Date, to: Date) =>
        graphRepo.postCounts(deps.db, userIds, from, to),
      /** Likes, replies, and reshares or quotes made through each post (for a plain reshare: those through it). */
      engagement: (postIds: string[]) => graphRepo.postEngagement(deps.db, postIds),
    },
    /** The person's posts, follows and likes, for their data export and account closing. */
    personalData: createSocialPersonalData(deps.db),
    /** Shared schemas other modules' responses refer to by $ref; added once at the root. */
    schemas: [QuotedPost, OriginalPost, Post],
    routes: async (app: FastifyInstance) => {
      await app.register(postRoutes(module));
      await app.register(accountRoutes(module, deps.identity));
    },
  };

  // Fan-out on write, after commit: a new post lands in every follower's home timeline, so reading a home
  // timeline is one index range scan however many accounts a person follows.
  events.subscribe('social.home-fanout', 'post.created', async (event, { trx }) => {
    const { postId, authorId, visibility } = event.payload;
    await repo.fanOut(trx, postId, authorId, visibility);
  });

  return module;
}

export type SocialModule = ReturnType<typeof createSocialModule>;
