import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { decodeCursor, encodeCursor, UUID_PATTERN } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { LiveHub } from '../../platform/live/live-hub.ts';
import type { CommerceModule } from '../commerce/index.ts';
import { type IdentityModule, presentAccount, presentSummary } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import { ensureQueues } from './assignment.ts';
import { isOpenAt } from './business-time.ts';
import { careError } from './care.errors.ts';
import * as repo from './care.repo.ts';
import type { ConversationStatus, Priority, RuleActions, RuleConditions } from './care.tables.ts';
import { identitiesFor360 } from './identity-links.service.ts';
import { PRIVATE_REPLY_LIMIT, publicReplyLimit } from './inbox-settings.ts';
import { activityOf } from './merge.repo.ts';
import { assertNotMerged } from './merge.service.ts';
import { addNote } from './note-mentions.ts';
import { route } from './routing.ts';
import { slaView } from './sla.clock.ts';
import { businessHoursOf, refreshSla, slaEventOfChange } from './sla.service.ts';
import { INTENTS } from './triage/index.ts';

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

  async function conversation(principal: Principal, handle: string, id: string) {
    const org = await inboxOrg(principal, handle);
    const row = await repo.findConversation(db, org.id, id);
    if (!row) throw notFound('Conversation', 'conversation_not_found');
    return { org, row };
  }

  async function present(rows: ConversationRow[], orgId: string) {
    const queues = new Map((await repo.queuesOf(db, orgId)).map((q) => [q.id, q.name]));
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
        csat: r.csat_score,
        mergedIntoId: r.merged_into_id,
        mergedAt: r.merged_at?.toISOString() ?? null,
        sla: slaView(r, now, open),
      };
    });
  }

  async function customer360(orgId: string, customerId: string) {
    const [account] = await identity.accounts.byIds([customerId]);
    const history = await repo.listConversations(db, orgId, { customerId, snoozed: 'all' }, undefined, 50);
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
      filter: { status?: ConversationStatus; queueId?: string; mine?: boolean; snoozed?: boolean },
      page: { cursor?: string; limit?: number },
    ) {
      const org = await inboxOrg(principal, handle);
      const limit = page.limit ?? 30;
      const rows = await repo.listConversations(
        db,
        org.id,
        {
          status: filter.status,
          queueId: filter.queueId,
          assigneeId: filter.mine ? principal.userId : undefined,
          snoozed: filter.snoozed ? 'only' : 'awake',
        },
        decodeCursor(page.cursor, UUID_PATTERN),
        limit,
      );
      const items = rows.slice(0, limit);
      return {
        items: await present(items, org.id),
        nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null,
      };
    },

    async get(principal: Principal, handle: string, id: string) {
      const { org, row } = await conversation(principal, handle, id);
      const messages = await repo.messagesOf(db, id);
      const activity = await activityOf(db, org.id, id);
      const people = [
        ...messages.flatMap((m) => [m.author_id, ...m.mention_ids]),
        ...activity.map((a) => a.actor_id),
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
          actor: authors.get(a.actor_id) ?? null,
          conversationId: a.other_conversation_id,
          at: a.created_at.toISOString(),
        })),
        customer360: await customer360(org.id, row.customer_id),
      };
    },

    /** Answers as the brand: in public in the customer's thread, or privately by direct message. */
    async reply(
      principal: Principal,
      handle: string,
      id: string,
      input: { text: string; mode: 'public' | 'private' },
    ) {
      const { org, row } = await conversation(principal, handle, id);
      assertNotMerged(row);
      // Public replies are held to the brand's own limit; direct messages keep theirs.
      const limit = input.mode === 'public' ? await publicReplyLimit(db, org.id) : PRIVATE_REPLY_LIMIT;
      if ([...input.text].length > limit) {
        const what = input.mode === 'public' ? 'Public replies' : 'Private messages';
        throw new AppError('unprocessable', 'reply_too_long', `${what} are at most ${limit} characters`, [
          { field: 'text', message: `must be at most ${limit} characters` },
        ]).withDetails({ limit });
      }
      if (
        input.mode === 'private' &&
        row.private_consent !== 'granted' &&
        (await repo.firstInbound(db, id))?.visibility !== 'direct'
      ) {
        throw new AppError(
          'conflict',
          'consent_required',
          'Ask the customer to continue privately first (move to private), or answer in public',
        );
      }
      const messages = await repo.messagesOf(db, id);
      const lastIn = [...messages].reverse().find((m) => m.direction === 'in' && m.post_id);
      const [customer] = await identity.accounts.byIds([row.customer_id]);
      const mention = customer && !input.text.includes(`@${customer.handle}`) ? `@${customer.handle} ` : '';
      const postId = await social.posts.create(principal, {
        text: input.mode === 'private' ? `${mention}${input.text}` : input.text,
        visibility: input.mode === 'private' ? 'direct' : 'public',
        inReplyToId: input.mode === 'public' ? (lastIn?.post_id ?? undefined) : undefined,
        as: org.handle,
      });
      await db.transaction().execute(async (trx) => {
        await repo.insertMessage(trx, {
          id: newId(),
          conversation_id: id,
          org_id: org.id,
          post_id: postId,
          author_id: principal.userId,
          direction: 'out',
          visibility: input.mode === 'private' ? 'direct' : 'public',
          text: input.text,
        });
        const at = new Date();
        await repo.recordResponse(trx, id, at);
        await refreshSla(trx, org.id, id, { kind: 'brand_response', at });
        if (row.status === 'open') await repo.updateConversation(trx, id, { status: 'pending' }); // waiting on the customer
      });
      notify(org.id, id);
      notifyCustomer(row.customer_id, id);
      return { postId };
    },

    /** An internal note; colleagues it @mentions who work this inbox are notified, nobody else. */
    async note(principal: Principal, handle: string, id: string, text: string) {
      const { org, row } = await conversation(principal, handle, id);
      assertNotMerged(row);
      const added = await addNote(deps, {
        orgId: org.id,
        conversationId: id,
        authorId: principal.userId,
        text,
      });
      notify(org.id, id);
      return added;
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
      assertNotMerged(row);
      let assigneeId: string | null | undefined;
      if (patch.assignee !== undefined) {
        assigneeId = null;
        if (patch.assignee !== null) {
          const person = await identity.accounts.byHandle(patch.assignee.replace(/^@/, ''));
          const roles = await identity.accounts.memberRoles(org.id);
          if (
            !person ||
            !roles.some((m) => m.user_id === person.id && ['owner', 'admin', 'agent'].includes(m.role))
          ) {
            throw new AppError(
              'unprocessable',
              'not_an_agent',
              `@${patch.assignee} does not work this inbox`,
              [{ field: 'assignee', message: 'is not an agent of this brand' }],
            );
          }
          assigneeId = person.id;
        }
      }
      if (patch.queueId && !(await repo.queuesOf(db, org.id)).some((q) => q.id === patch.queueId)) {
        throw new AppError('unprocessable', 'unknown_queue', 'No such queue in this inbox', [
          { field: 'queueId', message: 'is not a queue of this brand' },
        ]);
      }
      await repo.updateConversation(db, id, {
        ...(patch.status
          ? { status: patch.status, resolved_at: patch.status === 'resolved' ? new Date() : null }
          : {}),
        ...(patch.priority ? { priority: patch.priority } : {}),
        ...(patch.tags ? { tags: [...new Set(patch.tags)] } : {}),
        ...(assigneeId !== undefined ? { assignee_id: assigneeId } : {}),
        ...(patch.queueId ? { queue_id: patch.queueId } : {}),
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

    /** An agent's one-click correction of a message's intent, kept for retraining on the brand's own data. */
    async correctIntent(principal: Principal, handle: string, id: string, messageId: string, intent: string) {
      const { org } = await conversation(principal, handle, id);
      if (!(INTENTS as readonly string[]).includes(intent))
        throw new AppError('unprocessable', 'unknown_intent', `Unknown intent ${intent}`, [
          { field: 'intent', message: `must be one of ${INTENTS.join(', ')}` },
        ]);
      if (!(await repo.correctIntent(db, org.id, messageId, intent, principal.userId)))
        throw notFound('Message', 'message_not_found');
      await repo.updateConversation(db, id, { intent });
    },

    async availability(principal: Principal, handle: string) {
      const org = await inboxOrg(principal, handle);
      const row = await repo.agentSetting(db, org.id, principal.userId);
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
      await repo.upsertAgent(db, org.id, principal.userId, { status: input.status, max_open: input.maxOpen });
    },

    async queues(principal: Principal, handle: string) {
      const org = await inboxOrg(principal, handle);
      await db.transaction().execute((trx) => ensureQueues(trx, org.id));
      return repo.queuesOf(db, org.id);
    },

    async rules(principal: Principal, handle: string) {
      const org = await inboxOrg(principal, handle);
      return repo.rulesOf(db, org.id);
    },

    async addRule(
      principal: Principal,
      handle: string,
      input: { name: string; conditions: RuleConditions; actions: RuleActions },
    ) {
      const org = await identity.orgs.requireCapability(principal, handle, 'manageInbox');
      // A rule's references must be this brand's: another brand's queue or agent would route messages there.
      const { queueId, assigneeId } = input.actions;
      if (queueId !== undefined && !(await repo.queuesOf(db, org.id)).some((q) => q.id === queueId)) {
        throw careError('unknown_queue', 'No such queue in this inbox', [
          { field: 'actions.queueId', message: 'is not a queue of this brand' },
        ]);
      }
      if (
        assigneeId !== undefined &&
        !(await identity.accounts.memberRoles(org.id)).some(
          (m) => m.user_id === assigneeId && ['owner', 'admin', 'agent'].includes(m.role),
        )
      ) {
        throw careError('not_an_agent', 'The assignee does not work this inbox', [
          { field: 'actions.assigneeId', message: 'is not an agent of this brand' },
        ]);
      }
      const existing = await repo.rulesOf(db, org.id);
      const id = newId();
      await repo.insertRule(db, {
        id,
        org_id: org.id,
        name: input.name,
        position: existing.length,
        conditions: input.conditions,
        actions: input.actions,
      });
      return { id };
    },

    async removeRule(principal: Principal, handle: string, ruleId: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'manageInbox');
      if (!(await repo.deleteRule(db, org.id, ruleId))) throw notFound('Rule', 'rule_not_found');
    },

    /** Tries a rule on the brand's recent incoming messages before saving it: which would it have caught? */
    async testRule(
      principal: Principal,
      handle: string,
      input: { conditions: RuleConditions; actions: RuleActions },
    ) {
      const org = await inboxOrg(principal, handle);
      const recent = await repo.recentInbound(db, org.id, 200);
      const rule = { id: 'candidate', name: 'candidate', ...input };
      // The customer's followers and lifetime value are looked up once per customer, as routing would see them.
      const customers = new Map<string, { followers: number; lifetimeValueMinor: number }>();
      for (const customerId of new Set(recent.map((m) => m.customer_id))) {
        const sales = await commerce.customerSummary(org.id, customerId);
        customers.set(customerId, {
          followers: await social.follows.countFollowers(customerId),
          lifetimeValueMinor: sales.lifetimeValue.totalMinor,
        });
      }
      const hits = recent.filter(
        (m) =>
          route(
            [rule],
            {
              intent: m.corrected_intent ?? m.intent ?? 'chatter',
              sentiment: m.sentiment ?? 0,
              text: m.text,
              language: m.language,
              ...customers.get(m.customer_id)!,
            },
            { queueId: null, priority: 'normal' },
          ).matched.length > 0,
      );
      return {
        tested: recent.length,
        matched: hits.length,
        examples: hits
          .slice(0, 10)
          .map((m) => ({ messageId: m.id, text: m.text, intent: m.corrected_intent ?? m.intent })),
      };
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
