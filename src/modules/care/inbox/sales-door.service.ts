import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import * as repo from './conversations.repo.ts';
import type { CustomerCareService } from './customer.service.ts';
import type { ReplyService } from './reply.service.ts';

export type ConversationFacts = {
  id: string;
  customerId: string;
  intent: string;
  status: string;
  privateConsent: 'none' | 'requested' | 'granted' | 'declined';
  lastCustomerText: string | null;
  openedAt: Date;
};

/**
 * What the sales side (requests for proposals, VRM quotes) needs from care: the conversation a public thread
 * became, the conversations of one intent, the move-to-private consent flow and replies. Access checks stay in
 * the reply and customer services.
 */
export function createSalesDoor(deps: { db: Db; replies: ReplyService; customers: CustomerCareService }) {
  const { db, replies, customers } = deps;
  const facts = async (orgId: string, ids: string[]): Promise<ConversationFacts[]> =>
    (await repo.conversationFacts(db, orgId, ids)).map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      intent: r.intent,
      status: r.status,
      privateConsent: r.private_consent,
      lastCustomerText: r.last_in_text,
      openedAt: r.opened_at,
    }));
  return {
    /** The brand's conversation the post `postId` (a request's post) went into, once ingest filed it. */
    async forPost(orgId: string, postId: string): Promise<ConversationFacts | null> {
      const row = await repo.conversationOfPost(db, orgId, postId);
      return row ? ((await facts(orgId, [row.id]))[0] ?? null) : null;
    },
    facts,
    /** The brand's open conversations of one intent, newest first. */
    async ofIntent(orgId: string, intent: string, limit: number) {
      return facts(orgId, await repo.conversationsOfIntent(db, orgId, intent, limit));
    },
    /** Asks the customer in public to continue by direct message (care's consent flow). */
    requestPrivate: (principal: Principal, handle: string, id: string, text?: string) =>
      replies.requestPrivate(principal, handle, id, text),
    /** The customer's answer to a request to continue by direct message. */
    answerPrivate: (principal: Principal, id: string, accept: boolean) =>
      customers.answerConsent(principal, id, accept),
    /** Replies as the brand, in public or by direct message (which needs the customer's consent). */
    reply: (principal: Principal, handle: string, id: string, text: string, mode: 'public' | 'private') =>
      replies.reply(principal, handle, id, { text, mode }),
  };
}

export type SalesDoor = ReturnType<typeof createSalesDoor>;
