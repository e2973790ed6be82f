import { INTENTS, type Intent } from '../../../lib/triage/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { decodeCursor, encodeCursor, UUID_PATTERN } from '../../../platform/http/pagination.ts';
import type { LiveHub } from '../../../platform/live/live-hub.ts';
import type { CommerceModule } from '../../commerce/index.ts';
import { type IdentityModule, presentAccount, presentSummary } from '../../identity/index.ts';
import type { SocialModule } from '../../social/index.ts';
import { careError } from '../care.errors.ts';
import type { ConversationStatus, Priority } from '../care.tables.ts';
import { identitiesFor360 } from '../identity-links/identity-links.service.ts';
import { checkInboxRefs } from '../inbox-refs.service.ts';
import { activityOf } from '../merge/merge.repo.ts';
import { assertNotMerged } from '../merge/merge.service.ts';
import { isOpenAt } from '../sla/business-time.clock.ts';
import { slaView } from '../sla/sla.clock.ts';
import { businessHoursOf, refreshSla, slaEventOfChange } from '../sla/sla.service.ts';
import { orderReference } from '../workflow/canned.template.ts';
import { queuesOf } from '../workflow/queues.repo.ts';
import { ensureQueues } from '../workflow/queues.service.ts';
import { defaultQueueName } from '../workflow/routing.policy.ts';
import * as agents from './agents.repo.ts';
import * as repo from './conversations.repo.ts';
import { presentConversion } from './conversion.ts';
import { assertInScope, inboxAccess } from './inbox-access.ts';

const ISO_MS = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
const UUID = UUID_PATTERN.source.slice(1, -1);
/** A cursor is only good for the sort that issued it: another sort's cursor is a 400 invalid_cursor. */
const CURSOR_PATTERNS: Record<repo.ConversationSort, RegExp> = {
  newest: UUID_PATTERN, // the plain id, as before sorts existed
  oldest: new RegExp(`^o\\|${UUID}$`),
  urgency: new RegExp(`^u\\|(infinity|${ISO_MS})\\|[0-3]\\|${UUID}$`),
};

function parseListCursor(
  sort: repo.ConversationSort,
  cursor: string | undefined,
): repo.ListCursor | undefined {
  const key = decodeCursor(cursor, CURSOR_PATTERNS[sort]);
  if (key === undefined) return undefined;
  if (sort === 'urgency') {
    const [, due, rank, id] = key.split('|');
    return { sort, due, rank: Number(rank), id };
  }
  return { sort, id: sort === 'oldest' ? key.slice(2) : key };
}

function listCursorOf(
  sort: repo.ConversationSort,
  row: { id: string; sla_due_at: Date | null; priority_rank: number },
): string {
  if (sort === 'newest') return encodeCursor(row.id);
  if (sort === 'oldest') return encodeCursor(`o|${row.id}`);
  return encodeCursor(
    `u|${row.sla_due_at?.toISOString() ?? 'infinity'}|${Number(row.priority_rank)}|${row.id}`,
  );
}

export type InboxDeps = {
  db: Db;
  events: EventBus;
  live: LiveHub;
  identity: Pick<IdentityModule, 'accounts' | 'orgs'>;
  social: Pick<SocialModule, 'posts' | 'follows'>;
  commerce: Pick<CommerceModule, 'customerSummary'>;
};

type ConversationRow = NonNullable<Awaited<ReturnType<typeof repo.findConversation>>>;

export function createInboxService(deps: InboxDeps) {
  const { db, identity, social, commerce, live } = deps;

  /** The org the caller works the inbox of, or 403/404. Every query below is scoped by its id. */
  const inboxOrg = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'workInbox');

  /** A conversation the caller may work: any of the inbox for its workers, the sales intents' for sales. */
  async function conversation(principal: Principal, handle: string, id: string) {
    const { org, intents } = await inboxAccess(identity, principal, handle);
    const row = assertInScope(await repo.findConversation(db, org.id, id), intents);
    return { org, row, intents };
  }

  async function present(rows: ConversationRow[], orgId: string) {
    const queues = new Map((await queuesOf(db, orgId)).map((q) => [q.id, q.name]));
    const people = new Map(
      (
        await identity.accounts.byIds([
          ...new Set(rows.flatMap((r) => [r.customer_id, ...(r.assignee_id ? [r.assignee_id] : [])])),
        ])
      ).map((a) => [a.id, presentSummary(a)]),
    );
    const now = new Date();
    const open = isOpenAt(now, await businessHoursOf(db, orgId));
    return rows.map((r) => {
      return {
        id: r.id,
        customer: people.get(r.customer_id) ?? null,
        queue: r.queue_id ? { id: r.queue_id, name: queues.get(r.queue_id) ?? '' } : null,
        status: r.status,
        priority: r.priority,
        assignee: r.assignee_id ? (people.get(r.assignee_id) ?? null) : null,
        intent: r.intent,
        intentConfidence: r.intent_confidence,
        needsReview: r.needs_review,
        sentiment: r.sentiment,
        language: r.language,
        tags: r.tags,
        previousId: r.previous_id,
        openedAt: r.opened_at.toISOString(),
        lastCustomerMessageAt: r.last_customer_message_at.toISOString(),
        firstResponseAt: r.first_response_at?.toISOString() ?? null,
        resolvedAt: r.resolved_at?.toISOString() ?? null,
        snoozedUntil: r.snoozed_until?.toISOString() ?? null,
        privateConsent: r.private_consent,
        ...presentConversion(r),
        csat: r.csat_score,
        mergedIntoId: r.merged_into_id,
        mergedAt: r.merged_at?.toISOString() ?? null,
        sla: slaView(r, now, open),
      };
    });
  }

  async function customer360(orgId: string, customerId: string, intents: readonly string[] | null = null) {
    const [account] = await identity.accounts.byIds([customerId]);
    const history = await repo.listConversations(
      db,
      orgId,
      { customerId, snoozed: 'all', intents: intents ?? undefined },
      undefined,
      50,
    );
    const sales = await commerce.customerSummary(orgId, customerId);
    return {
      profile: account ? presentAccount(account) : null,
      followersCount: await social.follows.countFollowers(customerId),
      conversations: history
        .slice(0, 50)
        .map((c) => ({ id: c.id, status: c.status, intent: c.intent, openedAt: c.opened_at.toISOString() })),
      orders: sales.orders,
      spendMinor: sales.spendMinor,
      currency: sales.currency,
      dealIds: sales.dealIds,
      lastOrderId: sales.lastOrderId,
      recentOrders: sales.recentOrders.map((o) => ({
        ...o,
        reference: orderReference(o.id),
        createdAt: o.createdAt.toISOString(),
      })),
      lifetimeValue: sales.lifetimeValue,
      // Only identities the person confirmed to this brand count as linked.
      ...(await identitiesFor360(db, orgId, customerId)),
    };
  }

  function notify(orgId: string, conversationId: string) {
    live.publish([orgId], { event: 'care.conversation', data: { conversationId, orgId } });
  }

  /** Tells the customer's own browsers that one of their conversations changed (their Support page refetches). */
  function notifyCustomer(customerId: string, conversationId: string) {
    live.publish([customerId], { event: 'care.mine', data: { conversationId } });
  }

  return {
    async list(
      principal: Principal,
      handle: string,
      filter: {
        status?: ConversationStatus;
        queueId?: string;
        mine?: boolean;
        snoozed?: boolean;
        needsReview?: boolean;
        sort?: repo.ConversationSort;
      },
      page: { cursor?: string; limit?: number },
    ) {
      const { org, intents } = await inboxAccess(identity, principal, handle);
      const limit = page.limit ?? 30;
      const sort = filter.sort ?? 'newest';
      const rows = await repo.listConversations(
        db,
        org.id,
        {
          status: filter.status,
          queueId: filter.queueId,
          assigneeId: filter.mine ? principal.userId : undefined,
          snoozed: filter.snoozed ? 'only' : 'awake',
          needsReview: filter.needsReview,
          intents: intents ?? undefined,
        },
        parseListCursor(sort, page.cursor),
        limit,
        sort,
      );
      const items = rows.slice(0, limit);
      return {
        items: await present(items, org.id),
        nextCursor: rows.length > limit ? listCursorOf(sort, items[items.length - 1]) : null,
      };
    },

    async get(principal: Principal, handle: string, id: string) {
      const { org, row, intents } = await conversation(principal, handle, id);
      const messages = await repo.messagesOf(db, id);
      const activity = await activityOf(db, org.id, id);
      const people = [
        ...messages.flatMap((m) => [m.author_id, ...m.mention_ids]),
        ...activity.flatMap((a) => (a.actor_id ? [a.actor_id] : [])),
      ];
      const authors = new Map(
        (await identity.accounts.byIds([...new Set(people)])).map((a) => [a.id, presentSummary(a)]),
      );
      return {
        ...(await present([row], org.id))[0],
        messages: messages.map((m) => ({
          id: m.id,
          postId: m.post_id,
          author: authors.get(m.author_id) ?? null,
          direction: m.direction,
          visibility: m.visibility,
          text: m.text,
          intent: m.corrected_intent ?? m.intent,
          intentCorrected: m.corrected_intent !== null,
          sentiment: m.sentiment,
          mentions: m.mention_ids.flatMap((mid) => (authors.has(mid) ? [authors.get(mid)!] : [])),
          createdAt: m.created_at.toISOString(),
        })),
        activity: activity.map((a) => ({
          kind: a.kind,
          actor: a.actor_id ? (authors.get(a.actor_id) ?? null) : null,
          conversationId: a.other_conversation_id,
          summary: a.summary,
          at: a.created_at.toISOString(),
        })),
        customer360: await customer360(org.id, row.customer_id, intents),
      };
    },

    async update(
      principal: Principal,
      handle: string,
      id: string,
      patch: {
        status?: ConversationStatus;
        priority?: Priority;
        tags?: string[];
        assignee?: string | null;
        queueId?: string;
        snoozedUntil?: string | null;
      },
    ) {
      const { org, row } = await conversation(principal, handle, id);
      // An empty change would be an UPDATE without a SET: say so instead.
      if (Object.values(patch).every((v) => v === undefined))
        throw careError('empty_update', 'Name at least one field to change');
      assertNotMerged(row);
      let assigneeId: string | null | undefined;
      if (patch.assignee !== undefined) {
        const person =
          patch.assignee === null ? null : await identity.accounts.byHandle(patch.assignee.replace(/^@/, ''));
        if (patch.assignee !== null && !person)
          throw careError('not_an_agent', `@${patch.assignee} does not work this inbox`, [
            { field: 'assignee', message: 'is not an agent of this brand' },
          ]);
        assigneeId = person?.id ?? null;
      }
      await checkInboxRefs(
        db,
        identity,
        org.id,
        { queueId: patch.queueId, agentId: assigneeId },
        { queueId: 'queueId', agentId: 'assignee' },
      );
      await repo.updateConversation(db, id, {
        ...(patch.status
          ? { status: patch.status, resolved_at: patch.status === 'resolved' ? new Date() : null }
          : {}),
        ...(patch.priority ? { priority: patch.priority } : {}),
        ...(patch.tags ? { tags: [...new Set(patch.tags)] } : {}),
        ...(assigneeId !== undefined ? { assignee_id: assigneeId } : {}),
        // An agent's choice of queue stays: triage of later messages no longer moves it.
        ...(patch.queueId ? { queue_id: patch.queueId, queue_set_by_hand: true } : {}),
        ...(patch.snoozedUntil !== undefined
          ? { snoozed_until: patch.snoozedUntil ? new Date(patch.snoozedUntil) : null }
          : {}),
      });
      const slaEvent = slaEventOfChange(row.status, patch, new Date());
      if (slaEvent) await refreshSla(db, org.id, id, slaEvent);
      notify(org.id, id);
      if (patch.status && patch.status !== row.status) notifyCustomer(row.customer_id, id);
      return this.get(principal, handle, id);
    },

    /**
     * The conversation of a customer's post, for a one-click "handle in care" from listening: the same conversation
     * however often it is asked; one filed away as a mention (praise, chatter) is reopened as a case.
     */
    async openFromPost(principal: Principal, handle: string, postId: string) {
      const org = await inboxOrg(principal, handle);
      const found = await repo.conversationByPost(db, org.id, postId);
      if (!found) throw careError('post_not_in_inbox', 'This post is not a customer message in this inbox');
      const row = (await repo.findConversation(db, org.id, found.id))!;
      if (row.merged_into_id) return { conversationId: row.merged_into_id };
      if (row.status === 'resolved' && row.tags.includes('mention'))
        await this.update(principal, handle, row.id, {
          status: 'open',
          tags: row.tags.filter((t) => t !== 'mention'),
        });
      return { conversationId: row.id };
    },

    /** An agent's one-click correction of a message's intent, kept for retraining on the brand's own data. */
    async correctIntent(principal: Principal, handle: string, id: string, messageId: string, intent: string) {
      const org = await inboxOrg(principal, handle);
      const row = assertInScope(await repo.findConversation(db, org.id, id), null);
      if (!(INTENTS as readonly string[]).includes(intent))
        throw careError('unknown_intent', `Unknown intent ${intent}`, [
          { field: 'intent', message: `must be one of ${INTENTS.join(', ')}` },
        ]);
      if (!(await repo.correctIntent(db, org.id, messageId, intent, principal.userId)))
        throw careError('message_not_found', 'Message not found');
      if (row.needs_review) {
        // The agent's choice settles the review: the conversation goes to that intent's queue.
        const queues = await ensureQueues(db, org.id);
        await repo.updateConversation(db, id, {
          intent,
          needs_review: false,
          ...(row.queue_set_by_hand
            ? {}
            : { queue_id: queues.get(defaultQueueName(intent as Intent)) ?? null }),
        });
      } else await repo.updateConversation(db, id, { intent });
    },

    async availability(principal: Principal, handle: string) {
      const org = await inboxOrg(principal, handle);
      const row = await agents.agentSetting(db, org.id, principal.userId);
      const roles = await identity.accounts.memberRoles(org.id);
      // Agents are online unless they said otherwise; owners and admins take work only once they go online.
      const isAgent = roles.some((m) => m.user_id === principal.userId && m.role === 'agent');
      return { status: row?.status ?? (isAgent ? 'online' : 'away'), maxOpen: row?.max_open ?? 25 };
    },

    async setAvailability(
      principal: Principal,
      handle: string,
      input: { status: 'online' | 'away'; maxOpen?: number },
    ) {
      const org = await inboxOrg(principal, handle);
      await agents.upsertAgent(db, org.id, principal.userId, {
        status: input.status,
        max_open: input.maxOpen,
      });
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
