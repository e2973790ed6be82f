import type { Db } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import type { LiveHub } from '../../../platform/live/live-hub.ts';
import { type IdentityModule, presentSummary } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import { NON_ACTIONABLE_INTENTS } from '../workflow/routing.policy.ts';
import * as repo from './customer.repo.ts';

/** The customer's side of care: their conversations with brands, consent to go private, their rating. */
export function createCustomerCareService({
  db,
  events,
  live,
  identity,
}: {
  db: Db;
  events: EventBus;
  live: LiveHub;
  identity: Pick<IdentityModule, 'accounts'>;
}) {
  async function ownConversation(principal: Principal, id: string) {
    const row = await repo.customerConversation(db, principal.userId, id);
    if (!row) throw careError('conversation_not_found', 'Conversation not found');
    return row;
  }

  /**
   * A person's cases with brands, with what they may answer: the topic follows the conversation's current triage,
   * and the thread shows their messages with the brand's replies (never the brand's internal notes). What they see
   * under "My care", and their care data in an export of their personal data.
   */
  async function conversationsOf(customerId: string) {
    const rows = await repo.customerConversations(db, customerId, NON_ACTIONABLE_INTENTS);
    const messages = await repo.customerThreads(
      db,
      customerId,
      rows.map((r) => r.id),
    );
    const brands = new Map(
      (await identity.accounts.byIds([...new Set(rows.map((r) => r.org_id))])).map((a) => [
        a.id,
        presentSummary(a),
      ]),
    );
    return rows.map((r) => ({
      id: r.id,
      brand: brands.get(r.org_id) ?? null,
      status: r.status,
      intent: r.intent,
      topic: r.topic_text ?? r.first_text ?? null,
      firstMessage: r.first_text ?? null,
      postId: r.first_post_id ?? null,
      privateConsent: r.private_consent,
      ideaRequest:
        r.idea_consent === 'none'
          ? null
          : { consent: r.idea_consent, title: r.idea_title ?? '', ideaId: r.idea_id },
      rating: r.csat_score,
      canRate: r.status === 'resolved' && r.csat_score === null,
      openedAt: r.opened_at.toISOString(),
      messages: messages
        .filter((m) => m.conversation_id === r.id)
        .map((m) => ({
          id: m.id,
          from: m.direction === 'in' ? ('you' as const) : ('brand' as const),
          visibility: m.visibility,
          text: m.text,
          postId: m.post_id,
          createdAt: m.created_at.toISOString(),
        })),
    }));
  }

  // The idea posted from a conversation is linked back to it, so the agent sees where it went.
  events.subscribe('care.link-idea', 'ideas.idea_posted', async (event, ctx) => {
    const p = event.payload;
    if (p.careConversationId) await repo.linkIdea(ctx.trx, p.careConversationId, p.ideaId);
  });

  return {
    /** The customer's answer to an agent's request to post their idea on the brand's portal. */
    async answerIdea(principal: Principal, id: string, accept: boolean) {
      const row = await ownConversation(principal, id);
      await events.transaction(db, async (trx) => {
        const answered = await repo.answerIdea(trx, id, accept ? 'granted' : 'declined');
        if (!answered) throw careError('no_idea_request', 'There is no open request to post an idea');
        if (accept)
          await events.emit(trx, 'care.idea.consented', id, {
            orgId: answered.org_id,
            conversationId: id,
            customerId: principal.userId,
            title: answered.idea_title ?? '',
            description: answered.idea_description ?? '',
          });
      });
      live.publish([row.org_id], {
        event: 'care.conversation',
        data: { conversationId: id, orgId: row.org_id },
      });
    },

    mine(principal: Principal) {
      return conversationsOf(principal.userId);
    },

    conversationsOf,

    async answerConsent(principal: Principal, id: string, accept: boolean) {
      const row = await ownConversation(principal, id);
      if (!(await repo.setConsent(db, id, 'requested', accept ? 'granted' : 'declined')))
        throw careError('no_consent_request', 'There is no open request to continue privately');
      live.publish([row.org_id], {
        event: 'care.conversation',
        data: { conversationId: id, orgId: row.org_id },
      });
    },

    async rate(principal: Principal, id: string, score: number) {
      const row = await ownConversation(principal, id);
      if (row.status !== 'resolved')
        throw careError('not_resolved', 'You can rate a conversation once it is resolved');
      if (!(await repo.rate(db, id, score)))
        throw careError('already_rated', 'You already rated this conversation');
    },
  };
}

export type CustomerCareService = ReturnType<typeof createCustomerCareService>;
