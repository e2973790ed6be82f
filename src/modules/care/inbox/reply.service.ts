import type { Db, Executor } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { LiveHub } from '../../../platform/live/live-hub.ts';
import type { CommerceModule } from '../../commerce/index.ts';
import type { IdentityModule } from '../../identity/index.ts';
import type { SocialModule } from '../../social/index.ts';
import { careError } from '../care.errors.ts';
import type { ConversionInput } from '../care.schemas.ts';
import { assertNotMerged } from '../merge/merge.service.ts';
import { PRIVATE_REPLY_LIMIT, publicReplyLimit } from '../settings/inbox-settings.service.ts';
import { refreshSla } from '../sla/sla.service.ts';
import { orderReference } from '../workflow/canned.template.ts';
import { addNote } from '../workflow/notes.service.ts';
import * as repo from './conversations.repo.ts';
import { requestConversion, setConsent, withdrawConversion } from './customer.repo.ts';
import { assertInScope, inboxAccess } from './inbox-access.ts';

type ReplyInput = { text: string; mode: 'public' | 'private'; policyOverride?: string };

export type ReplyDeps = {
  db: Db;
  commerce: Pick<CommerceModule, 'customerSummary'>;
  events: EventBus;
  live: LiveHub;
  identity: Pick<IdentityModule, 'accounts' | 'orgs'>;
  social: Pick<SocialModule, 'posts'>;
};

/**
 * The one place a brand's reply is written into a conversation: the message, the response stamp and the SLA
 * clocks. The inbox calls it in the transaction that writes the reply's post; ingest calls it for a reply the
 * brand posted elsewhere (its timeline). A post is recorded once: false when it already was.
 */
export async function recordBrandReply(
  trx: Executor,
  reply: {
    orgId: string;
    conversationId: string;
    postId: string;
    authorId: string;
    visibility: string;
    text: string;
    at: Date;
  },
): Promise<boolean> {
  const added = await repo.insertMessage(trx, {
    id: newId(),
    conversation_id: reply.conversationId,
    org_id: reply.orgId,
    post_id: reply.postId,
    author_id: reply.authorId,
    direction: 'out',
    visibility: reply.visibility,
    text: reply.text,
  });
  if (!added) return false;
  await repo.recordResponse(trx, reply.conversationId, reply.at);
  await refreshSla(trx, reply.orgId, reply.conversationId, { kind: 'brand_response', at: reply.at });
  return true;
}

/** Answering a conversation as the brand: replies in public or in private, internal notes, asking to go private. */
export function createReplyService(deps: ReplyDeps) {
  const { db, events, identity, social, live } = deps;

  /** A conversation the caller may answer: any of the inbox for its workers, the sales intents' for sales. */
  async function conversation(principal: Principal, handle: string, id: string) {
    const { org, intents } = await inboxAccess(identity, principal, handle);
    const row = assertInScope(await repo.findConversation(db, org.id, id), intents);
    return { org, row };
  }

  const notify = (orgId: string, conversationId: string) =>
    live.publish([orgId], { event: 'care.conversation', data: { conversationId, orgId } });

  /**
   * Order details are personal: a public reply that names one of the customer's orders (its id or its short
   * reference, as a canned reply's {order_id} or {order_ref} fills them in) is refused; they go by private message.
   */
  async function refuseOrderDetails(orgId: string, customerId: string, text: string) {
    const sales = await deps.commerce.customerSummary(orgId, customerId);
    const ids = [
      ...new Set([...sales.recentOrders.map((o) => o.id), ...(sales.lastOrderId ? [sales.lastOrderId] : [])]),
    ];
    const lower = text.toLowerCase();
    const named = ids.some(
      (id) => lower.includes(id.toLowerCase()) || lower.includes(orderReference(id).toLowerCase()),
    );
    if (named)
      throw careError(
        'order_in_public_reply',
        'This public reply names the customer’s order: order details are personal, so send them by private message',
        [{ field: 'text', message: 'names the customer’s order; send order details privately' }],
      );
  }

  /** What a reply is checked for before its post is prepared: the conversation, the length, order details. */
  async function checkReply(principal: Principal, handle: string, id: string, input: ReplyInput) {
    const { org, row } = await conversation(principal, handle, id);
    assertNotMerged(row);
    // Public replies are held to the brand's own limit; direct messages keep theirs.
    const limit = input.mode === 'public' ? await publicReplyLimit(db, org.id) : PRIVATE_REPLY_LIMIT;
    if ([...input.text].length > limit) {
      const what = input.mode === 'public' ? 'Public replies' : 'Private messages';
      throw careError('reply_too_long', `${what} are at most ${limit} characters`, [
        { field: 'text', message: `must be at most ${limit} characters` },
      ]).withDetails({ limit });
    }
    if (input.mode === 'public') await refuseOrderDetails(org.id, row.customer_id, input.text);
    if (
      input.mode === 'private' &&
      row.private_consent !== 'granted' &&
      (await repo.firstInbound(db, id))?.visibility !== 'direct'
    ) {
      throw careError(
        'consent_required',
        'Ask the customer to continue privately first (move to private), or answer in public',
      );
    }
    return { org, row };
  }

  /**
   * Answers as the brand: in public in the customer's thread, or privately by direct message. `approval` is
   * governance's: a public reply its approvers passed, and a step run in the reply's transaction.
   */
  async function reply(
    principal: Principal,
    handle: string,
    id: string,
    input: ReplyInput,
    approval?: { inTransaction(trx: Executor, postId: string): Promise<void> },
  ) {
    const { org, row } = await checkReply(principal, handle, id, input);
    const messages = await repo.messagesOf(db, id);
    const lastIn = [...messages].reverse().find((m) => m.direction === 'in' && m.post_id);
    const [customer] = await identity.accounts.byIds([row.customer_id]);
    const mention = customer && !input.text.includes(`@${customer.handle}`) ? `@${customer.handle} ` : '';
    const visibility = input.mode === 'private' ? 'direct' : 'public';
    const post = await social.posts.prepare(principal, {
      text: input.mode === 'private' ? `${mention}${input.text}` : input.text,
      visibility,
      inReplyToId: input.mode === 'public' ? (lastIn?.post_id ?? undefined) : undefined,
      as: org.handle,
      careReply: true,
      policyOverride: input.policyOverride,
      approvedDraft: approval !== undefined,
    });
    // The post and its place in the conversation commit together: when the post's own event comes back
    // through ingest, the reply is already recorded and nothing is written twice.
    await events.transaction(db, async (trx) => {
      await approval?.inTransaction(trx, post.id);
      await social.posts.write(trx, principal, post);
      await recordBrandReply(trx, {
        orgId: org.id,
        conversationId: id,
        postId: post.id,
        authorId: principal.userId,
        visibility,
        text: input.text,
        at: new Date(),
      });
      if (row.status === 'open') await repo.updateConversation(trx, id, { status: 'pending' }); // waiting on the customer
    });
    notify(org.id, id);
    // The customer's own browsers refetch their Support page.
    live.publish([row.customer_id], { event: 'care.mine', data: { conversationId: id } });
    return { postId: post.id };
  }

  return {
    reply,

    /** Checks a public reply as `reply` would, without sending it: for an approvals draft. */
    async check(principal: Principal, handle: string, id: string, input: ReplyInput) {
      await checkReply(principal, handle, id, input);
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

    /** Asks the customer in public whether to continue by direct message; private replies wait for a yes. */
    async requestPrivate(principal: Principal, handle: string, id: string, text?: string) {
      const { org } = await conversation(principal, handle, id);
      // Claim the request before asking in public, so a second click asks nothing twice; release it if the
      // question cannot be posted.
      if (!(await setConsent(db, id, 'none', 'requested')))
        throw careError('consent_already_asked', 'The customer was already asked');
      let answer: Awaited<ReturnType<typeof reply>>;
      try {
        answer = await reply(principal, handle, id, {
          text:
            text ?? 'Could we continue by direct message? You can accept the request under Support in Souk.',
          mode: 'public',
        });
      } catch (error) {
        await setConsent(db, id, 'requested', 'none');
        throw error;
      }
      notify(org.id, id);
      return answer;
    },

    /**
     * Proposes in public to turn the conversation into an idea on the brand's portal or a request for proposals
     * asking the brand, in the customer's name: the draft waits on the conversation until they say yes.
     */
    async requestConversion(principal: Principal, handle: string, id: string, input: ConversionInput) {
      const { org, row } = await conversation(principal, handle, id);
      assertNotMerged(row);
      const title = input.title.trim();
      const draft =
        input.kind === 'idea'
          ? { title, description: input.description.trim() }
          : {
              title,
              details: (input.details ?? '').trim(),
              budgetMinor: input.budgetMinor,
              currency: input.currency,
              deadline: new Date(input.deadline).toISOString(),
            };
      if (input.kind === 'rfp' && new Date(input.deadline).getTime() <= Date.now())
        throw careError('deadline_in_past', 'The deadline must be in the future', [
          { field: 'deadline', message: 'is in the past' },
        ]);
      if (!(await requestConversion(db, id, input.kind, draft)))
        throw input.kind === 'idea'
          ? careError('idea_already_asked', 'The customer was already asked to post this idea')
          : careError('conversion_already_asked', 'The customer is being asked already, or said yes');
      let answer: Awaited<ReturnType<typeof reply>>;
      try {
        answer = await reply(principal, handle, id, {
          text: input.text ?? defaultAsk(input.kind, title),
          mode: 'public',
        });
      } catch (error) {
        await withdrawConversion(db, id);
        throw error;
      }
      notify(org.id, id);
      return answer;
    },

    /** Takes back a proposal the customer has not answered yet. */
    async withdrawConversion(principal: Principal, handle: string, id: string) {
      const { org } = await conversation(principal, handle, id);
      if (!(await withdrawConversion(db, id)))
        throw careError('no_conversion_request', 'There is no open proposal to withdraw');
      notify(org.id, id);
    },
  };
}

function defaultAsk(kind: 'idea' | 'rfp', title: string) {
  return kind === 'idea'
    ? `Great idea! May we post it on our Ideas page as “${title}” so others can vote? You can say yes under Support in Souk.`
    : `Shall we post your request “${title}” for you, so our sales team can send you a proposal? You can say yes under Support in Souk.`;
}

export type ReplyService = ReturnType<typeof createReplyService>;
