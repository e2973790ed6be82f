import type { Intent } from '../../../lib/triage/index.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { DomainEvent } from '../../../platform/events/event-map.ts';
import type { EventBus, HandlerContext } from '../../../platform/events/outbox.ts';
import { newId } from '../../../platform/ids.ts';
import type { LiveHub } from '../../../platform/live/live-hub.ts';
import type { CommerceModule } from '../../commerce/index.ts';
import type { IdentityModule } from '../../identity/index.ts';
import type { SocialModule } from '../../social/index.ts';
import { lockCustomer } from '../care-locks.repo.ts';
import { assignRoundRobin } from '../inbox/assignment.service.ts';
import * as repo from '../inbox/conversations.repo.ts';
import { recordBrandReply } from '../inbox/reply.service.ts';
import type { IntentModelService } from '../intent-models/intent-model.service.ts';
import { unsureBelow } from '../settings/inbox-settings.service.ts';
import { refreshSla } from '../sla/sla.service.ts';
import { ensureQueues } from '../workflow/queues.service.ts';
import { defaultPriority, defaultQueueName, isActionable, route } from '../workflow/routing.policy.ts';
import { rulesOf } from '../workflow/rules.repo.ts';
import { retriage } from './retriage.service.ts';

export type IngestDeps = {
  db: Db;
  events: EventBus;
  live: LiveHub;
  identity: Pick<IdentityModule, 'accounts'>;
  social: Pick<SocialModule, 'follows'>;
  commerce: Pick<CommerceModule, 'customerSummary'>;
  /** Each brand's messages are triaged by its own retrained model when it has one. */
  intentModels: Pick<IntentModelService, 'triageFor'>;
};

type PostCreated = DomainEvent<'post.created'>;

/**
 * Turns posts into care conversations, after commit, through the outbox: a customer's mention of a brand, reply
 * to a brand's post, or direct message to it joins that customer's open conversation with the brand (or opens
 * one, triaged and routed); the brand's own replies in the thread count as responses.
 */
export function registerIngest(deps: IngestDeps) {
  const { events, live, identity, commerce } = deps;

  async function inbound(trx: Executor, orgId: string, event: PostCreated, ctx: HandlerContext) {
    const p = event.payload;
    const result = (await deps.intentModels.triageFor(trx, orgId))(p.text, {
      unsureBelow: await unsureBelow(trx, orgId),
    });
    // Deliveries run side by side on PostgreSQL: one customer's messages to one brand join or open one conversation.
    await lockCustomer(trx, orgId, p.authorId);
    const intent = result.intent as Intent;
    const existing = await repo.conversationFor(trx, orgId, p.authorId, p.threadRootId);
    const messageId = newId();
    let conversationId = existing?.id;
    const customer = await commerce.customerSummary(orgId, p.authorId, trx);
    const facts = {
      language: result.language,
      followers: await deps.social.follows.countFollowers(p.authorId, trx),
      lifetimeValueMinor: customer.lifetimeValue.totalMinor,
    };
    // Praise and chatter ask nothing of the brand: alone they make a mention (resolved from the start, no clocks,
    // no agent), which the inbox lists under Resolved and the customer's Support page leaves out. Anything
    // actionable in it later reopens it as a case.
    // Unsure triage opens a case for review rather than risk filing a complaint away as a mention.
    const mention =
      !isActionable(intent) &&
      !result.unsure &&
      (!existing || (existing.status === 'resolved' && !isActionable(existing.intent)));
    if (existing) {
      await repo.updateConversation(trx, existing.id, {
        last_customer_message_at: new Date(p.createdAt),
        snoozed_until: null, // the customer wrote again: wake the conversation
        // a customer message reopens, unless it leaves a mention a mention
        ...(existing.status === 'open' || mention ? {} : { status: 'open', resolved_at: null }),
        // a mention that becomes a case gets an agent like any new case
        ...(!mention && !existing.assignee_id && !isActionable(existing.intent)
          ? { assignee_id: await assignRoundRobin(trx, identity, orgId) }
          : {}),
      });
    } else {
      const queues = await ensureQueues(trx, orgId);
      const start = {
        queueId: queues.get(defaultQueueName(intent)) ?? null,
        priority: defaultPriority(intent, result.sentiment),
      };
      const rules = (await rulesOf(trx, orgId)).filter((r) => r.enabled);
      const routed = route(rules, { intent, sentiment: result.sentiment, text: p.text, ...facts }, start);
      conversationId = newId();
      const previous = await repo.lastConversation(trx, orgId, p.authorId);
      await repo.insertConversation(trx, {
        id: conversationId,
        org_id: orgId,
        customer_id: p.authorId,
        // Unsure triage routes nowhere: the conversation waits in Needs review until an agent sets its intent.
        queue_id: result.unsure ? null : routed.queueId,
        needs_review: result.unsure,
        priority: routed.priority,
        assignee_id: routed.assigneeId ?? (mention ? null : await assignRoundRobin(trx, identity, orgId)),
        ...(mention ? { status: 'resolved' as const, resolved_at: new Date(p.createdAt) } : {}),
        intent,
        intent_confidence: result.intentConfidence,
        sentiment: result.sentiment,
        language: result.language,
        tags: mention ? [...new Set([...routed.tags, 'mention'])] : routed.tags,
        thread_root_id: p.threadRootId,
        previous_id: previous?.id ?? null,
        opened_at: new Date(p.createdAt), // the SLA clocks start when the customer wrote
      });
    }
    const added = await repo.insertMessage(trx, {
      id: messageId,
      conversation_id: conversationId!,
      org_id: orgId,
      post_id: p.postId,
      author_id: p.authorId,
      direction: 'in',
      visibility: p.visibility,
      text: p.text,
      intent,
      intent_confidence: result.intentConfidence,
      sentiment: result.sentiment,
    });
    if (added) {
      // A follow-up can change what the conversation is about: its triage follows its open messages.
      if (existing) await retriage(trx, orgId, existing, facts);
      if (!mention)
        await refreshSla(trx, orgId, conversationId!, {
          kind: 'customer_message',
          at: new Date(p.createdAt),
        });
      ctx.afterCommit(() =>
        live.publish([orgId], { event: 'care.conversation', data: { conversationId, orgId } }),
      );
    }
  }

  /**
   * The brand answered in the thread from elsewhere (its timeline): that is a response for the SLA clock. A reply
   * sent from the inbox was recorded with its post, in the same transaction, so its echo here adds nothing.
   */
  async function outbound(trx: Executor, orgId: string, event: PostCreated) {
    const p = event.payload;
    const conversation = await repo.conversationByThread(trx, orgId, p.threadRootId);
    if (!conversation) return;
    await recordBrandReply(trx, {
      orgId,
      conversationId: conversation.id,
      postId: p.postId,
      authorId: p.postedBy,
      visibility: p.visibility,
      text: p.text,
      at: new Date(p.createdAt),
    });
  }

  events.subscribe('care.ingest', 'post.created', async (event, ctx) => {
    const p = event.payload;
    if (p.kind === 'reshare') return;
    const candidates = [...new Set([...p.mentionIds, ...(p.inReplyToAuthorId ? [p.inReplyToAuthorId] : [])])];
    const brands = (await identity.accounts.byIds(candidates, ctx.trx)).filter((a) => a.kind !== 'person');
    for (const brand of brands) {
      if (brand.id === p.authorId) continue;
      const staff = await identity.accounts.memberRoles(brand.id, ctx.trx);
      if (staff.some((m) => m.user_id === p.postedBy)) continue; // a colleague, not a customer
      await inbound(ctx.trx, brand.id, event, ctx);
    }
    const author = (await identity.accounts.byIds([p.authorId], ctx.trx))[0];
    if (author && author.kind !== 'person' && p.inReplyToId) await outbound(ctx.trx, author.id, event);
  });
}
