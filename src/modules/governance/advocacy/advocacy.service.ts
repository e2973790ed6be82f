import type { Static } from 'typebox';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { uniqueViolationField } from '../../../platform/http/database-errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.ts';
import { newId } from '../../../platform/ids.ts';
import type { CommerceModule } from '../../commerce/index.ts';
import { can, type IdentityModule, presentSummary } from '../../identity/index.ts';
import { type SocialModule, viewerOf } from '../../social/index.ts';
import { governanceError } from '../governance.errors.ts';
import type { PolicyService } from '../policy.service.ts';
import * as repo from './advocacy.repo.ts';
import type { LeaderboardEntry, ShareableInput, ShareInput } from './advocacy.schemas.ts';
import { rankBoard, type SortKey, type Tally, tallyPeople } from './leaderboard.ts';

export type AdvocacyDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  social: Pick<SocialModule, 'posts' | 'reads' | 'follows' | 'authorship'>;
  commerce: Pick<CommerceModule, 'advocacy'>;
  policy: PolicyService;
};

/** Each person's points for staff shares and their sales in a period (the advocates ledger's, plugged in). */
export type PointsSource = (orgId: string, from: Date, to: Date) => Promise<Map<string, number>>;

const DAY_MS = 86_400_000;
const CURSOR = /^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/;

function afterOf(cursor: string | undefined) {
  const key = decodeCursor(cursor, CURSOR);
  if (!key) return undefined;
  const [at, id] = key.split('|') as [string, string];
  return { at: new Date(at), id };
}

/** A period from the query: the last 30 days by default; the start must come before the end. */
export function periodOf(q: { from?: string; to?: string }) {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to)
    throw governanceError('invalid_period', 'The period must start before it ends', [
      { field: 'from', message: 'must be before `to`' },
    ]);
  return { from, to };
}

/** Sums net order values per currency. */
function revenueOf(orders: { net_minor: number; currency: string }[]) {
  const sums = new Map<string, number>();
  for (const o of orders) sums.set(o.currency, (sums.get(o.currency) ?? 0) + Number(o.net_minor));
  return [...sums].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

/**
 * Employee advocacy: the brand's content library, members' shares of it (which carry the attribution that
 * reshare and quote chains already carry), the paid orders those shares led to, and the staff leaderboard.
 */
export function createAdvocacyService({ db, events, identity, social, commerce, policy }: AdvocacyDeps) {
  let points: PointsSource = async () => new Map();
  const member = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'readPolicy');

  /** Orders as they stand now (refunds netted), keyed by id. */
  async function ordersNow(orgId: string, ids: string[]) {
    const rows = await commerce.advocacy.ordersNow(orgId, [...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, { ...r, net_minor: Number(r.net_minor) }]));
  }

  // A paid order is linked to the staff share it came through: the post the buyer clicked or one on its
  // reshare/quote path. Most orders carry no staff share, so the handler returns after one or two lookups.
  events.subscribe('governance.staff-sales', 'order.paid', async (event, { trx }) => {
    const p = event.payload;
    const a = await commerce.advocacy.attributionOf(p.orderId, trx);
    if (!a?.attribution_post_id || (a.attribution_kind !== 'reshare' && a.attribution_kind !== 'referral'))
      return;
    const people =
      a.attribution_kind === 'referral' ? [a.attribution_referrer_id ?? ''] : a.attribution_chain.slice(1);
    if (!(await repo.anySharer(trx, p.orgId, people.filter(Boolean)))) return;
    const path =
      a.attribution_kind === 'referral'
        ? [a.attribution_post_id]
        : (await social.reads.reshareChain(trx, a.attribution_post_id)).map((c) => c.id);
    const shares = await repo.sharesByPosts(trx, p.orgId, path);
    // The share nearest the buyer on the path gets the sale.
    const share = path
      .toReversed()
      .map((id) => shares.find((s) => s.post_id === id))
      .find((s) => s !== undefined);
    if (!share || share.employee_id === p.buyerId) return;
    await linkSale(trx, share, p, event.createdAt);
  });

  async function linkSale(
    trx: Executor,
    share: { id: string; employee_id: string },
    p: { orderId: string; orgId: string; totalMinor: number; currency: string },
    paidAt: Date,
  ) {
    const linked = await repo.linkOrder(trx, {
      order_id: p.orderId,
      org_id: p.orgId,
      share_id: share.id,
      employee_id: share.employee_id,
      total_minor: p.totalMinor,
      currency: p.currency,
      paid_at: paidAt,
    });
    if (linked)
      await events.emit(trx, 'governance.staff_sale', share.id, {
        shareId: share.id,
        orgId: p.orgId,
        employeeId: share.employee_id,
        orderId: p.orderId,
        totalMinor: p.totalMinor,
        currency: p.currency,
      });
  }

  return {
    /** Plugs in where points come from (the advocates ledger, wired after both modules exist). */
    plugPoints(source: PointsSource) {
      points = source;
    },

    /** Marks one of the brand's own posts shareable (or changes its topic and caption). */
    async mark(principal: Principal, handle: string, postId: string, input: Static<typeof ShareableInput>) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      const post = await social.reads.post(principal, postId);
      if (post.author.id !== org.id || post.reshareOf || post.inReplyTo || post.visibility !== 'public')
        throw governanceError(
          'not_brand_post',
          `Only public posts of @${org.handle} itself (not replies, reshares or others’ posts) can go in its library`,
          [{ field: 'postId', message: 'is not a public post of this brand' }],
        );
      const row = await repo.upsertShareable(db, {
        org_id: org.id,
        post_id: postId,
        topic: input.topic.trim(),
        caption: input.caption?.trim() || null,
        marked_by: principal.userId,
      });
      return {
        postId: row.post_id,
        topic: row.topic,
        caption: row.caption,
        markedAt: row.created_at.toISOString(),
      };
    },

    /** Takes a post out of the library (shares already made keep their history). */
    async unmark(principal: Principal, handle: string, postId: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      if (!(await repo.deleteShareable(db, org.id, postId)))
        throw governanceError('not_in_library', 'That post is not in this brand’s content library');
    },

    /** The library for the brand's members: newest first, by topic, with shares and what they led to. */
    async library(
      principal: Principal,
      handle: string,
      q: { topic?: string; cursor?: string; limit?: number },
    ) {
      const org = await member(principal, handle);
      const limit = q.limit ?? 20;
      const rows = await repo.listShareables(db, org.id, {
        topic: q.topic?.trim() || undefined,
        after: afterOf(q.cursor),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const ids = page.map((r) => r.post_id);
      const [posts, counts, orders, mine, topics] = await Promise.all([
        social.reads.postsForViewer(ids, viewerOf(principal)),
        repo.shareCounts(db, org.id, ids),
        repo.ordersOfLibraryPosts(db, org.id, ids),
        repo.sharesOf(db, org.id, principal.userId, ids),
        repo.topics(db, org.id),
      ]);
      const now = await ordersNow(
        org.id,
        orders.map((o) => o.order_id),
      );
      const byId = new Map(posts.map((p) => [p.id, p]));
      const last = page[page.length - 1];
      return {
        items: page.flatMap((r) => {
          const post = byId.get(r.post_id);
          if (!post) return []; // deleted since it was marked
          const led = orders
            .filter((o) => o.library_post_id === r.post_id)
            .flatMap((o) => now.get(o.order_id) ?? []);
          const my = mine.find((m) => m.library_post_id === r.post_id);
          return [
            {
              post,
              topic: r.topic,
              caption: r.caption,
              markedAt: r.created_at.toISOString(),
              shares: Number(counts.find((c) => c.library_post_id === r.post_id)?.shares ?? 0),
              orders: led.length,
              revenue: revenueOf(led),
              myShare: my
                ? { id: my.id, postId: my.post_id, kind: my.kind, createdAt: my.created_at.toISOString() }
                : null,
            },
          ];
        }),
        nextCursor:
          rows.length > limit && last
            ? encodeCursor(`${last.created_at.toISOString()}|${last.post_id}`)
            : null,
        topics: topics.map((t) => ({ topic: t.topic, posts: Number(t.posts) })),
      };
    },

    /**
     * A member shares a library post: a reshare, or a quote in their own words, linted like any employee post
     * about the brand. The share is a post of theirs on the post's reshare chain, so a sale through it is theirs.
     */
    async share(principal: Principal, handle: string, postId: string, input: Static<typeof ShareInput>) {
      const org = await member(principal, handle);
      if (!(await repo.findShareable(db, org.id, postId)))
        throw governanceError('not_in_library', 'That post is not in this brand’s content library');
      if ((await repo.sharesOf(db, org.id, principal.userId, [postId])).length > 0)
        throw governanceError('already_shared', 'You already shared this post from the library');
      const text = input.text?.trim() ?? '';
      if (input.mode === 'quote' && text === '')
        throw governanceError('share_text_required', 'A quote needs your own words', [
          { field: 'text', message: 'is empty' },
        ]);
      if (input.mode === 'reshare' && text !== '')
        throw governanceError('share_text_required', 'A reshare takes no text: quote the post to add words', [
          { field: 'text', message: 'must be empty for a reshare' },
        ]);
      let sharePostId: string;
      if (input.mode === 'quote') {
        // Social checks own posts that name the brand; a share is about the brand even when it does not.
        if (!(await policy.namesBrand(org.id, text)))
          await policy.check({
            orgId: org.id,
            actorId: principal.userId,
            channel: 'employee_post',
            text,
            overrideReason: input.policyOverride,
            aboutBrand: true,
          });
        sharePostId = await social.posts.create(principal, {
          text,
          quoteOfId: postId,
          policyOverride: input.policyOverride,
        });
      } else {
        sharePostId = await social.posts.reshare(principal, postId);
      }
      const followers = await social.follows.countFollowers(principal.userId);
      const row = await events
        .transaction(db, async (trx) => {
          const share = await repo.insertShare(trx, {
            id: newId(),
            org_id: org.id,
            library_post_id: postId,
            employee_id: principal.userId,
            post_id: sharePostId,
            kind: input.mode,
            followers_reached: followers,
          });
          await events.emit(trx, 'governance.staff_shared', share.id, {
            shareId: share.id,
            orgId: org.id,
            employeeId: principal.userId,
            postId: sharePostId,
            libraryPostId: postId,
          });
          return share;
        })
        .catch((error) => {
          if (uniqueViolationField(error))
            throw governanceError('already_shared', 'You already shared this post from the library');
          throw error;
        });
      return {
        id: row.id,
        libraryPostId: row.library_post_id,
        postId: row.post_id,
        kind: row.kind,
        followersReached: row.followers_reached,
        createdAt: row.created_at.toISOString(),
      };
    },

    /** The staff leaderboard for a period: reach, engagement, attributed revenue and points; the caller's place. */
    async leaderboard(
      principal: Principal,
      handle: string,
      q: { from?: string; to?: string; sort?: SortKey },
    ) {
      const org = await member(principal, handle);
      const sort = q.sort ?? 'points';
      if (sort === 'revenue') await identity.orgs.requireCapability(principal, handle, 'viewSales');
      const seesSales = can(principal, org.id, 'viewSales');
      const { from, to } = periodOf(q);
      const [shares, orders, pts] = await Promise.all([
        repo.sharesInPeriod(db, org.id, from, to),
        repo.ordersInPeriod(db, org.id, from, to),
        points(org.id, from, to),
      ]);
      const [engagement, now] = await Promise.all([
        social.authorship.engagement(shares.map((s) => s.post_id)),
        ordersNow(
          org.id,
          orders.map((o) => o.order_id),
        ),
      ]);
      const tallies = tallyPeople({ shares, orders, engagement, now, points: pts });
      const ranked = rankBoard(tallies, sort);
      const people = new Map(
        (
          await identity.accounts.byIds([...new Set([...ranked.map((t) => t.personId), principal.userId])])
        ).map((a) => [a.id, presentSummary(a)]),
      );
      const present = (t: Tally & { rank: number | null }): Static<typeof LeaderboardEntry>[] => {
        const person = people.get(t.personId);
        if (!person) return [];
        const own = t.personId === principal.userId;
        return [{ ...t.entry, rank: t.rank, person, revenue: seesSales || own ? t.entry.revenue : null }];
      };
      const mine = ranked.find((t) => t.personId === principal.userId) ?? {
        ...tallyPeople({ shares: [], orders: [], engagement: new Map(), now: new Map(), points: new Map() }, [
          principal.userId,
        ])[0]!,
        rank: null,
      };
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        sort,
        items: ranked.slice(0, 50).flatMap(present),
        me: present(mine)[0] ?? null,
      };
    },

    /** For the brand: staff shares in a period, each with the paid orders it led to. */
    async staffShares(
      principal: Principal,
      handle: string,
      q: { from?: string; to?: string; ledToSales?: boolean },
    ) {
      const org = await identity.orgs.requireCapability(principal, handle, 'viewSales');
      const { from, to } = periodOf(q);
      const shares = await repo.sharesInPeriod(db, org.id, from, to);
      const orders = await repo.ordersOfShares(
        db,
        org.id,
        shares.map((s) => s.id),
      );
      const kept = q.ledToSales ? shares.filter((s) => orders.some((o) => o.share_id === s.id)) : shares;
      const page = kept.slice(0, 200);
      const [now, engagement, posts, accounts] = await Promise.all([
        ordersNow(
          org.id,
          orders.map((o) => o.order_id),
        ),
        social.authorship.engagement(page.map((s) => s.post_id)),
        social.reads.postsForViewer(
          page.map((s) => s.post_id),
          viewerOf(principal),
        ),
        identity.accounts.byIds([...new Set(page.map((s) => s.employee_id))]),
      ]);
      const people = new Map(accounts.map((a) => [a.id, presentSummary(a)]));
      return {
        items: page.flatMap((s) => {
          const employee = people.get(s.employee_id);
          if (!employee) return [];
          const e = engagement.get(s.post_id) ?? { likes: 0, replies: 0, reshares: 0 };
          const led = orders
            .filter((o) => o.share_id === s.id)
            .flatMap((o) => {
              const n = now.get(o.order_id);
              return n ? [{ ...n, paidAt: o.paid_at }] : [];
            });
          return [
            {
              id: s.id,
              employee,
              kind: s.kind,
              libraryPostId: s.library_post_id,
              post: posts.find((p) => p.id === s.post_id) ?? null,
              createdAt: s.created_at.toISOString(),
              reach: s.followers_reached,
              engagement: { ...e, total: e.likes + e.replies + e.reshares },
              orders: led.map((o) => ({
                orderId: o.id,
                status: o.status,
                netMinor: o.net_minor,
                currency: o.currency,
                paidAt: o.paidAt.toISOString(),
              })),
              revenue: revenueOf(led),
            },
          ];
        }),
      };
    },
  };
}

export type AdvocacyService = ReturnType<typeof createAdvocacyService>;
