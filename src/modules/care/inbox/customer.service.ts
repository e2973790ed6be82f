import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import type { LiveHub } from '../../../platform/live/live-hub.ts';
import { type IdentityModule, presentSummary } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import type { ConversionKind } from '../care.tables.ts';
import { NON_ACTIONABLE_INTENTS } from '../workflow/routing.policy.ts';
import { type ConversionTargets, type IdeaDraft, presentConversion, type RfpDraft } from './conversion.ts';
import * as repo from './customer.repo.ts';

/** The customer's side of care: their conversations with brands, consent to go private, their rating. */
export function createCustomerCareService({
  db,
  live,
  identity,
  targets,
}: {
  db: Db;
  live: LiveHub;
  identity: Pick<IdentityModule, 'accounts'>;
  targets: ConversionTargets;
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
      ...presentConversion(r),
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

  type Claimed = NonNullable<Awaited<ReturnType<typeof repo.answerConversion>>>;

  /** Hands the consented draft to the module that makes its kind, acting as the customer. */
  function convert(principal: Principal, id: string, claimed: Claimed): Promise<string> {
    const conversation = { id, orgId: claimed.org_id };
    const unavailable = () =>
      careError(
        'conversion_unavailable',
        `This server does not turn conversations into ${claimed.conversion_kind}`,
      );
    if (claimed.conversion_kind === 'idea') {
      const idea = targets.of('idea');
      if (!idea) throw unavailable();
      return idea(principal, conversation, claimed.conversion_payload as IdeaDraft);
    }
    const rfp = targets.of('rfp');
    if (!rfp) throw unavailable();
    return rfp(principal, conversation, claimed.conversion_payload as RfpDraft);
  }

  return {
    /**
     * The customer's answer to an agent's proposal to turn the conversation into an idea or a request in their
     * name. A yes is claimed first (a second click converts nothing twice), then the target module converts it
     * as the customer; if it refuses, the proposal stays open and its error reaches the customer.
     */
    async answerConversion(principal: Principal, id: string, accept: boolean, kind?: ConversionKind) {
      const row = await ownConversation(principal, id);
      const noRequest = () =>
        kind === 'idea'
          ? careError('no_idea_request', 'There is no open request to post an idea')
          : careError('no_conversion_request', 'There is no open proposal to answer');
      if (row.conversion_consent !== 'requested' || (kind && row.conversion_kind !== kind)) throw noRequest();
      const claimed = await repo.answerConversion(db, id, 'requested', accept ? 'granted' : 'declined');
      if (!claimed) throw noRequest();
      if (accept) {
        try {
          const targetId = await convert(principal, id, claimed);
          await repo.linkConversion(db, id, targetId);
        } catch (error) {
          await repo.answerConversion(db, id, 'granted', 'requested');
          throw error;
        }
      }
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
