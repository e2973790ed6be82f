import type { Selectable } from 'kysely';
import { type Db, ownTables } from '../../platform/db/database.ts';
import type { DomainEvent } from '../../platform/events/event-map.ts';
import type { EventBus, HandlerContext } from '../../platform/events/outbox.ts';
import { actorIds, type Principal } from '../../platform/http/auth.ts';
import { decodeCursor, encodeCursor, UUID_PATTERN } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { LiveHub } from '../../platform/live/live-hub.ts';
import { type IdentityModule, presentSummary } from '../identity/index.ts';
import type { SocialModule, Viewer } from '../social/index.ts';
import { notificationsError } from './notifications.errors.ts';
import * as repo from './notifications.repo.ts';
import type { NotificationKind, NotificationsTable, NotificationTables } from './notifications.tables.ts';
import type { PreferencesService } from './preferences/preferences.service.ts';

export type NotificationsDeps = {
  db: Db;
  events: EventBus;
  live: LiveHub;
  identity: Pick<IdentityModule, 'accounts'>;
  social: Pick<SocialModule, 'reads'>;
  preferences: Pick<PreferencesService, 'route'>;
};

type Row = Selectable<NotificationsTable>;

/** A notice to an order's buyer from its brand about the order. */
const orderNotice = (
  order: { orderId: string; orgId: string; buyerId: string },
  kind: 'order_cancelled' | 'order_fulfilled' | 'order_refunded',
) => ({
  recipient_id: order.buyerId,
  kind,
  actor_id: order.orgId,
  post_id: null,
  org_id: order.orgId,
  subject_id: order.orderId,
});

export function createNotificationsService({
  db,
  events,
  live,
  identity,
  social,
  preferences,
}: NotificationsDeps) {
  /** The database as this module's repos see it: its own tables only. */
  const own = ownTables<NotificationTables>(db);
  /** Notifications as a reader sees them; the post only while the reader may still see it. */
  async function present(rows: Row[], viewer: Viewer) {
    const postIds = [...new Set(rows.flatMap((r) => (r.post_id ? [r.post_id] : [])))];
    const posts = new Map((await social.reads.postsForViewer(postIds, viewer)).map((p) => [p.id, p]));
    const accounts = new Map(
      (
        await identity.accounts.byIds([
          ...new Set(rows.flatMap((r) => [r.actor_id, r.recipient_id, ...(r.org_id ? [r.org_id] : [])])),
        ])
      ).map((a) => [a.id, a]),
    );
    return rows
      .filter((r) => accounts.has(r.actor_id) && accounts.has(r.recipient_id))
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        actor: presentSummary(accounts.get(r.actor_id)!),
        recipient: presentSummary(accounts.get(r.recipient_id)!),
        post: r.post_id ? (posts.get(r.post_id) ?? null) : null,
        org: r.org_id && accounts.has(r.org_id) ? presentSummary(accounts.get(r.org_id)!) : null,
        subjectId: r.subject_id,
        detail: r.detail,
        createdAt: r.created_at.toISOString(),
        read: r.read_at !== null,
      }));
  }

  async function unreadFor(accountIds: string[]) {
    const rows = await repo.unreadCounts(own, accountIds);
    return new Map(rows.map((r) => [r.recipient_id, r.unread]));
  }

  /** Writes notifications for an event, for recipients who may see its post, and pushes them live after commit. */
  async function notify(
    event: DomainEvent,
    ctx: HandlerContext,
    items: Omit<repo.NewNotification, 'id' | 'source_event_id'>[],
  ) {
    const visible: typeof items = [];
    for (const item of items) {
      if (item.recipient_id === item.actor_id) continue;
      const canSee =
        !item.post_id ||
        (await social.reads.isVisibleTo(ctx.trx, item.post_id, {
          self: item.recipient_id,
          ids: [item.recipient_id],
        }));
      if (canSee) visible.push(item);
    }
    // Each recipient's preferences decide: a mail (queued here, once), a notice in the app, both or neither.
    const wanted = (await preferences.route(ctx.trx, event.id, visible)).map((item) => ({
      ...item,
      id: newId(),
      source_event_id: event.id,
    }));
    const inserted = await repo.insertNotifications(ownTables<NotificationTables>(ctx.trx), wanted);
    // The notification is stored; a live push that fails (a closing database) is only a missed nudge.
    ctx.afterCommit(() => void pushLive(inserted).catch(() => {}));
  }

  async function pushLive(rows: repo.NewNotification[]) {
    for (const row of rows) {
      const viewer = { self: row.recipient_id, ids: [row.recipient_id] };
      const [json] = await present(
        [
          {
            ...row,
            org_id: row.org_id ?? null,
            subject_id: row.subject_id ?? null,
            detail: row.detail ? (JSON.parse(row.detail) as Record<string, string>) : null,
            created_at: new Date(),
            read_at: null,
          },
        ],
        viewer,
      );
      const unread = (await unreadFor([row.recipient_id])).get(row.recipient_id) ?? 0;
      if (json) live.publish([row.recipient_id], { event: 'notification', data: json });
      live.publish([row.recipient_id], { event: 'unread', data: { accountId: row.recipient_id, unread } });
    }
  }

  events.subscribe('notifications.on-post', 'post.created', async (event, ctx) => {
    const p = event.payload;
    const mentioned = new Set(p.mentionIds);
    const items: Omit<repo.NewNotification, 'id' | 'source_event_id'>[] = p.mentionIds.map((id) => ({
      recipient_id: id,
      kind: 'mention' as const,
      actor_id: p.authorId,
      post_id: p.postId,
    }));
    if (p.inReplyToAuthorId && !mentioned.has(p.inReplyToAuthorId)) {
      items.push({
        recipient_id: p.inReplyToAuthorId,
        kind: 'reply',
        actor_id: p.authorId,
        post_id: p.postId,
      });
    }
    if (p.reshareOfAuthorId) {
      items.push({
        recipient_id: p.reshareOfAuthorId,
        kind: 'reshare',
        actor_id: p.authorId,
        post_id: p.reshareOfId,
      });
    }
    if (p.quoteOfAuthorId && p.quoteOfAuthorId !== p.authorId && !mentioned.has(p.quoteOfAuthorId)) {
      items.push({ recipient_id: p.quoteOfAuthorId, kind: 'quote', actor_id: p.authorId, post_id: p.postId });
    }
    await notify(event, ctx, items);
  });

  events.subscribe('notifications.on-like', 'post.liked', async (event, ctx) => {
    const p = event.payload;
    await notify(event, ctx, [
      { recipient_id: p.postAuthorId, kind: 'like', actor_id: p.likerId, post_id: p.postId },
    ]);
  });

  events.subscribe('notifications.on-follow', 'account.followed', async (event, ctx) => {
    const p = event.payload;
    await notify(event, ctx, [
      { recipient_id: p.followeeId, kind: 'follow', actor_id: p.followerId, post_id: null },
    ]);
  });

  // Care tells colleagues about @mentions in internal notes: the note itself stays in the inbox, only a link goes out.
  events.subscribe('notifications.on-care-note', 'care.note.mentioned', async (event, ctx) => {
    const p = event.payload;
    await notify(
      event,
      ctx,
      p.mentionIds.map((id) => ({
        recipient_id: id,
        kind: 'care_mention' as const,
        actor_id: p.authorId,
        post_id: null,
        org_id: p.orgId,
        subject_id: p.conversationId,
      })),
    );
  });

  // A brand asks the person to confirm an identity on another network; they answer from the notification.
  events.subscribe('notifications.on-identity-link', 'care.identity-link.proposed', async (event, ctx) => {
    const p = event.payload;
    await notify(event, ctx, [
      {
        recipient_id: p.customerId,
        kind: 'identity_link',
        actor_id: p.orgId,
        post_id: null,
        org_id: p.orgId,
        subject_id: p.linkId,
        detail: JSON.stringify({ network: p.network, handle: p.handle, ...(p.url ? { url: p.url } : {}) }),
      },
    ]);
  });

  // The buyer hears what happens to an order after checkout; the brand is the actor. A buyer who cancels their
  // own order is not told about it (notify skips the actor's own doing).
  events.subscribe('notifications.on-order-cancelled', 'order.cancelled', async (event, ctx) => {
    const p = event.payload;
    await notify(event, ctx, [
      {
        ...orderNotice(p, 'order_cancelled'),
        actor_id: p.actorId === p.buyerId ? p.buyerId : p.orgId,
        detail: JSON.stringify({ reason: p.reason }),
      },
    ]);
  });

  events.subscribe('notifications.on-order-fulfilled', 'order.fulfilled', async (event, ctx) => {
    if (event.payload.shipped) return; // its last parcel's notice told the buyer, with the tracking
    await notify(event, ctx, [orderNotice(event.payload, 'order_fulfilled')]);
  });

  events.subscribe('notifications.on-order-shipped', 'order.shipped', async (event, ctx) => {
    const p = event.payload;
    await notify(event, ctx, [
      {
        ...orderNotice(p, 'order_fulfilled'),
        detail: JSON.stringify({
          carrier: p.carrier,
          trackingNumber: p.trackingNumber,
          ...(p.trackingUrl ? { trackingUrl: p.trackingUrl } : {}),
          complete: String(p.complete),
        }),
      },
    ]);
  });

  events.subscribe('notifications.on-order-refunded', 'order.refunded', async (event, ctx) => {
    const p = event.payload;
    await notify(event, ctx, [
      {
        ...orderNotice(p, 'order_refunded'),
        detail: JSON.stringify({
          amountMinor: String(p.amountMinor),
          currency: p.currency,
          full: String(p.full),
        }),
      },
    ]);
  });

  // The buyer hears each step the brand takes on a return (their own request is their doing: skipped by notify).
  events.subscribe('notifications.on-return-updated', 'return.updated', async (event, ctx) => {
    const p = event.payload;
    await notify(event, ctx, [
      {
        recipient_id: p.buyerId,
        kind: 'order_return',
        actor_id: p.actorId === p.buyerId ? p.buyerId : p.orgId,
        post_id: null,
        org_id: p.orgId,
        subject_id: p.orderId,
        detail: JSON.stringify({ status: p.status, title: p.title, ...(p.note ? { note: p.note } : {}) }),
      },
    ]);
  });

  // Everyone who voted for or followed an idea hears that it shipped, with the products to buy; the brand is the actor.
  events.subscribe('notifications.on-idea-shipped', 'ideas.idea_shipped', async (event, ctx) => {
    const p = event.payload;
    await notify(
      event,
      ctx,
      p.recipientIds.map((id) => ({
        recipient_id: id,
        kind: 'idea_shipped' as const,
        actor_id: p.orgId,
        post_id: null,
        org_id: p.orgId,
        subject_id: p.ideaId,
        detail: JSON.stringify({ title: p.title, productIds: p.productIds.join(',') }),
      })),
    );
  });

  // A request's author hears of each pitch (the brand is the actor); each pitching brand hears who won the award.
  events.subscribe('notifications.on-rfp-pitched', 'rfp.pitched', async (event, ctx) => {
    const p = event.payload;
    await notify(event, ctx, [
      {
        recipient_id: p.consumerId,
        kind: 'rfp_pitch' as const,
        actor_id: p.orgId,
        post_id: p.requestId,
        org_id: p.orgId,
        subject_id: p.requestId,
        detail: JSON.stringify({ title: p.title }),
      },
    ]);
  });
  events.subscribe('notifications.on-rfp-awarded', 'rfp.awarded', async (event, ctx) => {
    const p = event.payload;
    await notify(
      event,
      ctx,
      [p.winnerOrgId, ...p.loserOrgIds].map((orgId) => ({
        recipient_id: orgId,
        kind: orgId === p.winnerOrgId ? ('rfp_won' as const) : ('rfp_lost' as const),
        actor_id: p.consumerId,
        post_id: p.requestId,
        org_id: p.winnerOrgId,
        subject_id: p.requestId,
        detail: JSON.stringify({ title: p.title }),
      })),
    );
  });

  /** The account whose notifications to read: yourself, or an org you belong to. */
  async function recipientOf(principal: Principal, asHandle: string | undefined): Promise<string> {
    if (!asHandle) return principal.userId;
    const account = await identity.accounts.byHandle(asHandle.replace(/^@/, ''));
    if (!account || !actorIds(principal).includes(account.id)) {
      throw notificationsError(
        'not_a_member',
        'You can read only your own notifications or those of orgs you belong to',
      );
    }
    return account.id;
  }

  return {
    /**
     * Notifies accounts of something another module announced on the outbox (a listening spike): once per event,
     * recipient and kind however often it is called, routed by each recipient's preferences, pushed live.
     */
    async announce(
      sourceEventId: number,
      items: {
        recipient_id: string;
        kind: NotificationKind;
        actor_id: string;
        org_id: string;
        subject_id: string;
        detail: Record<string, string>;
      }[],
    ) {
      const inserted = await db.transaction().execute(async (trx) => {
        const wanted = (
          await preferences.route(
            trx,
            sourceEventId,
            items.map((i) => ({ ...i, post_id: null, detail: JSON.stringify(i.detail) })),
          )
        ).map((item) => ({ ...item, id: newId(), source_event_id: sourceEventId }));
        return repo.insertNotifications(ownTables<NotificationTables>(trx), wanted);
      });
      void pushLive(inserted).catch(() => {});
      return inserted.length;
    },
    async list(principal: Principal, args: { as?: string; cursor?: string; limit?: number }) {
      const recipient = await recipientOf(principal, args.as);
      const limit = args.limit ?? 20;
      const rows = await repo.listNotifications(
        own,
        recipient,
        decodeCursor(args.cursor, UUID_PATTERN),
        limit,
      );
      const page = rows.slice(0, limit);
      return {
        items: await present(page, { self: recipient, ids: [recipient] }),
        nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
      };
    },

    async unreadCount(principal: Principal) {
      const ids = actorIds(principal);
      const counts = await unreadFor(ids);
      const accounts = await identity.accounts.byIds(ids);
      const byAccount = accounts.map((a) => ({ account: presentSummary(a), unread: counts.get(a.id) ?? 0 }));
      return { total: byAccount.reduce((sum, a) => sum + a.unread, 0), byAccount };
    },

    async markRead(principal: Principal, asHandle?: string) {
      const recipient = await recipientOf(principal, asHandle);
      await repo.markAllRead(own, recipient);
      live.publish([recipient], { event: 'unread', data: { accountId: recipient, unread: 0 } });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
