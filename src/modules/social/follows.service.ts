import type { Db, Executor } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { decodeCursor, encodeCursor, type Page, UUID_PATTERN } from '../../platform/http/pagination.ts';
import {
  type AccountSummary,
  type IdentityModule,
  presentAccount,
  presentSummary,
  roleIn,
} from '../identity/index.ts';
import { type BadgeSlot, PROFILE_BADGES } from './badges.ts';
import * as engagementRepo from './engagement.repo.ts';
import { viewerOf } from './posts.service.ts';
import { socialError } from './social.errors.ts';
import * as repo from './social.repo.ts';

export type FollowsDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'accounts'>;
  badges: BadgeSlot;
};

// How many of a newly followed account's recent posts land in the follower's home at once.
const BACKFILL_POSTS = 40;
// At most this many of the viewer's follows are ranked first in @-autocomplete (the most recent ones).
const FOLLOWED_FIRST_CAP = 2000;
/** @-autocomplete lists at most this many accounts. */
export const MENTION_LIMIT = 8;
const HANDLE_PREFIX = /^[A-Za-z0-9_]+$/;

export type Suggestion = {
  account: AccountSummary;
  reason: 'followed_by_people_you_follow' | 'popular';
  mutualCount: number;
  followersCount: number;
};

export function createFollowsService({ db, events, identity, badges }: FollowsDeps) {
  const tx = <T>(fn: (trx: Executor) => Promise<T>) => events.transaction(db, fn);

  async function account(handle: string) {
    const row = await identity.accounts.byHandle(handle.replace(/^@/, ''));
    if (!row) throw socialError('account_not_found', 'Account not found');
    return row;
  }

  async function profile(principal: Principal | null, handle: string) {
    const row = await account(handle);
    const counts = await repo.profileCounts(db, row.id, viewerOf(principal));
    // A person's tiers across brands, highest first: the few that say most about them.
    const held =
      row.kind === 'person' && badges.resolver
        ? (await badges.resolver([row.id], null)).sort(
            (a, b) => b.rank - a.rank || a.brand.localeCompare(b.brand),
          )
        : [];
    return {
      ...presentAccount(row),
      followersCount: counts.followers,
      followingCount: counts.following,
      postsCount: counts.posts,
      viewer: {
        following: counts.following_it,
        followedBy: counts.followed_by,
        role: roleIn(principal, row.id) ?? null,
      },
      ...(held.length
        ? { badges: held.slice(0, PROFILE_BADGES).map((b) => ({ brand: b.brand, tier: b.tier })) }
        : {}),
    };
  }

  return {
    profile,
    /**
     * Accounts whose handle starts with `prefix` for @-autocomplete: those the viewer follows first, then others,
     * each part in handle order; at most MENTION_LIMIT.
     */
    async mentionCandidates(principal: Principal | null, prefix: string, limit: number) {
      const clean = prefix.replace(/^@/, '');
      if (!HANDLE_PREFIX.test(clean)) return [];
      const n = Math.min(limit, MENTION_LIMIT);
      const followed = principal ? await repo.followeeIds(db, principal.userId, FOLLOWED_FIRST_CAP) : [];
      const first = followed.length ? await identity.accounts.byHandlePrefix(clean, n, followed) : [];
      const rest = first.length < n ? await identity.accounts.byHandlePrefix(clean, n + first.length) : [];
      const seen = new Set(first.map((a) => a.id));
      return [...first, ...rest.filter((a) => !seen.has(a.id))].slice(0, n).map(presentSummary);
    },
    /** Whom to follow next: friends of friends first, then the most followed; never yourself or whom you follow. */
    async suggestions(principal: Principal, limit: number): Promise<Suggestion[]> {
      const rows = await repo.suggestions(db, principal.userId, viewerOf(principal).ids, limit);
      const accounts = new Map(
        (await identity.accounts.byIds(rows.map((r) => r.account_id))).map((a) => [a.id, a]),
      );
      return rows.flatMap((r) => {
        const a = accounts.get(r.account_id);
        if (!a) return [];
        return [
          {
            account: presentSummary(a),
            reason: r.mutual > 0 ? ('followed_by_people_you_follow' as const) : ('popular' as const),
            mutualCount: r.mutual,
            followersCount: r.followers,
          },
        ];
      });
    },
    /** Whether one account follows another; `executor` for event handlers. */
    isFollowing: (followerId: string, followeeId: string, executor: Executor = db) =>
      repo.isFollowing(executor, followerId, followeeId),
    /** Everyone the person follows, in one query (friends who bought, per feed page). */
    followeeIds: (followerId: string) => engagementRepo.followeeIds(db, followerId),
    /** How many follow an account; `executor` for event handlers. */
    countFollowers: async (accountId: string, executor: Executor = db) =>
      repo.countFollowers(executor, accountId),

    async follow(principal: Principal, handle: string) {
      const target = await account(handle);
      if (target.id === principal.userId) {
        throw socialError('cannot_follow_self', 'You cannot follow yourself');
      }
      await tx(async (trx) => {
        if (!(await repo.insertFollow(trx, principal.userId, target.id))) return;
        await repo.backfillHome(trx, principal.userId, target.id, BACKFILL_POSTS);
        await events.emit(trx, 'account.followed', principal.userId, {
          followerId: principal.userId,
          followeeId: target.id,
        });
      });
      return profile(principal, handle);
    },

    async unfollow(principal: Principal, handle: string) {
      const target = await account(handle);
      await tx(async (trx) => {
        if (!(await repo.deleteFollow(trx, principal.userId, target.id))) return;
        await repo.removeFromHome(trx, principal.userId, target.id);
        await events.emit(trx, 'account.unfollowed', principal.userId, {
          followerId: principal.userId,
          followeeId: target.id,
        });
      });
      return profile(principal, handle);
    },

    async list(
      direction: 'followers' | 'following',
      handle: string,
      args: { cursor?: string; limit?: number },
    ): Promise<Page<AccountSummary>> {
      const target = await account(handle);
      const limit = args.limit ?? 20;
      const ids = await repo.followPage(
        db,
        direction,
        target.id,
        decodeCursor(args.cursor, UUID_PATTERN),
        limit,
      );
      const page = ids.slice(0, limit);
      const rows = new Map((await identity.accounts.byIds(page)).map((a) => [a.id, a]));
      return {
        items: page.flatMap((id) => (rows.has(id) ? [presentSummary(rows.get(id)!)] : [])),
        nextCursor: ids.length > limit ? encodeCursor(page[page.length - 1]) : null,
      };
    },
  };
}

export type FollowsService = ReturnType<typeof createFollowsService>;
