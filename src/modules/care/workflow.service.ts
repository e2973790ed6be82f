import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids.ts';
import type { LiveHub } from '../../platform/live/live-hub.ts';
import { type IdentityModule, presentSummary } from '../identity/index.ts';
import { renderCanned } from './canned.ts';
import * as repo from './care.repo.ts';
import type { InboxService } from './inbox.service.ts';
import { slaReport } from './sla.repo.ts';
import { businessHoursOf } from './sla.service.ts';

export type WorkflowDeps = {
  db: Db;
  live: LiveHub;
  identity: Pick<IdentityModule, 'accounts' | 'orgs'>;
  inbox: InboxService;
};

/** Around the conversation: canned replies, queues, consent to go private, the customer's rating, SLA reports. */
export function createWorkflowService({ db, live, identity, inbox }: WorkflowDeps) {
  const workOrg = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'workInbox');
  const manageOrg = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'manageInbox');

  async function ownConversation(principal: Principal, id: string) {
    const row = await repo.customerConversation(db, principal.userId, id);
    if (!row) throw notFound('Conversation', 'conversation_not_found');
    return row;
  }

  return {
    async canned(principal: Principal, handle: string) {
      return repo.cannedOf(db, (await workOrg(principal, handle)).id);
    },

    async addCanned(principal: Principal, handle: string, input: { title: string; body: string }) {
      const org = await manageOrg(principal, handle);
      const id = newId();
      await repo.insertCanned(db, { id, org_id: org.id, ...input }).catch((err) => {
        if ((err as { code?: string }).code === '23505')
          throw conflict('canned_title_taken', `A canned reply titled "${input.title}" exists`);
        throw err;
      });
      return { id, ...input };
    },

    async removeCanned(principal: Principal, handle: string, id: string) {
      if (!(await repo.deleteCanned(db, (await manageOrg(principal, handle)).id, id)))
        throw notFound('Canned reply', 'canned_not_found');
    },

    /** A canned reply filled in for one conversation: {first_name}, {name}, {handle}, {brand}, {order_id}. */
    async renderCanned(principal: Principal, handle: string, conversationId: string, cannedId: string) {
      const org = await workOrg(principal, handle);
      const detail = await inbox.get(principal, handle, conversationId);
      const canned = (await repo.cannedOf(db, org.id)).find((c) => c.id === cannedId);
      if (!canned) throw notFound('Canned reply', 'canned_not_found');
      const customer = detail.customer;
      return {
        text: renderCanned(canned.body, {
          first_name: customer?.name.split(/\s+/)[0] ?? '',
          name: customer?.name ?? '',
          handle: customer ? `@${customer.handle}` : '',
          brand: org.name,
          order_id: detail.customer360.lastOrderId ?? '',
        }),
      };
    },

    async addQueue(principal: Principal, handle: string, name: string) {
      const org = await manageOrg(principal, handle);
      const existing = await inbox.queues(principal, handle);
      if (existing.some((q) => q.name.toLowerCase() === name.toLowerCase()))
        throw conflict('queue_exists', `A queue named "${name}" exists`);
      const id = newId();
      await repo.insertQueues(db, [{ id, org_id: org.id, name, position: existing.length }]);
      return { id, name };
    },

    async renameQueue(principal: Principal, handle: string, id: string, name: string) {
      if (!(await repo.renameQueue(db, (await manageOrg(principal, handle)).id, id, name)))
        throw notFound('Queue', 'queue_not_found');
    },

    /** Removing a queue leaves its conversations unqueued, never lost. */
    async removeQueue(principal: Principal, handle: string, id: string) {
      if (!(await repo.deleteQueue(db, (await manageOrg(principal, handle)).id, id)))
        throw notFound('Queue', 'queue_not_found');
    },

    /** Asks the customer in public whether to continue by direct message; private replies wait for a yes. */
    async requestPrivate(principal: Principal, handle: string, id: string, text?: string) {
      const org = await workOrg(principal, handle);
      if (!(await repo.findConversation(db, org.id, id)))
        throw notFound('Conversation', 'conversation_not_found');
      // Claim the request before asking in public, so a second click asks nothing twice; release it if the
      // question cannot be posted.
      if (!(await repo.setConsent(db, id, 'none', 'requested')))
        throw conflict('consent_already_asked', 'The customer was already asked');
      let reply: Awaited<ReturnType<typeof inbox.reply>>;
      try {
        reply = await inbox.reply(principal, handle, id, {
          text:
            text ?? 'Could we continue by direct message? You can accept the request under Support in Souk.',
          mode: 'public',
        });
      } catch (error) {
        await repo.setConsent(db, id, 'requested', 'none');
        throw error;
      }
      live.publish([org.id], { event: 'care.conversation', data: { conversationId: id, orgId: org.id } });
      return reply;
    },

    /** The customer's side: their conversations with brands, with what they may answer. */
    async mine(principal: Principal) {
      const rows = await repo.customerConversations(db, principal.userId);
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
        firstMessage: r.first_text ?? null,
        postId: r.first_post_id ?? null,
        privateConsent: r.private_consent,
        rating: r.csat_score,
        canRate: r.status === 'resolved' && r.csat_score === null,
        openedAt: r.opened_at.toISOString(),
      }));
    },

    async answerConsent(principal: Principal, id: string, accept: boolean) {
      const row = await ownConversation(principal, id);
      if (!(await repo.setConsent(db, id, 'requested', accept ? 'granted' : 'declined')))
        throw conflict('no_consent_request', 'There is no open request to continue privately');
      live.publish([row.org_id], {
        event: 'care.conversation',
        data: { conversationId: id, orgId: row.org_id },
      });
    },

    async rate(principal: Principal, id: string, score: number) {
      const row = await ownConversation(principal, id);
      if (row.status !== 'resolved')
        throw new AppError('conflict', 'not_resolved', 'You can rate a conversation once it is resolved');
      if (!(await repo.rate(db, id, score)))
        throw conflict('already_rated', 'You already rated this conversation');
    },

    /**
     * First-response and resolution times (median, p90) in wall-clock and in business minutes, SLA breaches and
     * CSAT by queue, agent or week.
     */
    async report(principal: Principal, handle: string, by: 'queue' | 'agent' | 'week', days: number) {
      const org = await workOrg(principal, handle);
      const rows = await slaReport(db, org.id, by, days);
      const names = new Map<string, string>();
      if (by === 'queue') for (const q of await repo.queuesOf(db, org.id)) names.set(q.id, q.name);
      if (by === 'agent')
        for (const a of await identity.accounts.byIds(
          rows.flatMap((r) => (r.group_key ? [r.group_key] : [])),
        ))
          names.set(a.id, `@${a.handle}`);
      const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
      const stat = (median: number | null, p90: number | null) => ({
        median: round(median),
        p90: round(p90),
      });
      return {
        items: rows.map((r) => ({
          group: r.group_key === null ? null : (names.get(r.group_key) ?? r.group_key),
          groupId: r.group_key,
          conversations: r.conversations,
          firstResponseMinutes: stat(r.first_response_p50, r.first_response_p90),
          firstResponseBusinessMinutes: stat(r.first_response_business_p50, r.first_response_business_p90),
          resolutionMinutes: stat(r.resolution_p50, r.resolution_p90),
          resolutionBusinessMinutes: stat(r.resolution_business_p50, r.resolution_business_p90),
          breaches: r.breaches,
          csat: round(r.csat),
        })),
        timezone: (await businessHoursOf(db, org.id)).timezone,
        measures: REPORT_MEASURES,
      };
    },
  };
}

/** What each figure of the report measures, sent with it. */
const REPORT_MEASURES = {
  firstResponseMinutes: "wall-clock minutes from the customer's first message to the brand's first reply",
  firstResponseBusinessMinutes: "the same, counting only minutes inside the brand's business hours",
  resolutionMinutes: 'wall-clock minutes from the first message to resolution',
  resolutionBusinessMinutes: "the same, counting only minutes inside the brand's business hours",
  breaches:
    "SLA targets (first response, next response, resolution) missed under the brand's policies, in business time",
};

export type WorkflowService = ReturnType<typeof createWorkflowService>;
