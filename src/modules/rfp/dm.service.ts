import { ownTables } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { RequestsService, RfpDeps } from './requests.service.ts';
import { rfpError } from './rfp.errors.ts';
import { stateOf } from './rfp.present.ts';
import * as repo from './rfp.repo.ts';
import type { RfpTables } from './rfp.tables.ts';

/**
 * Moving a request to direct messages: an asked brand invites the requester through care's move-to-private consent
 * on the conversation the request opened in its inbox; the requester answers on the request page. The answer is
 * kept per asked brand, so the RFP report counts requests moved to DM.
 */
export function createDmService(deps: RfpDeps, requests: Pick<RequestsService, 'brandOf'>) {
  const { care } = deps;
  const db = ownTables<RfpTables>(deps.db);

  async function target(requestId: string, orgId: string) {
    const request = await repo.findRequest(db, requestId);
    if (!request) throw rfpError('request_not_found', 'Request not found');
    const t = (await repo.targetsOf(db, [requestId])).find((x) => x.org_id === orgId);
    return { request, target: t };
  }

  return {
    /** An asked brand invites the requester to continue by direct message (a public question in the thread). */
    async invite(principal: Principal, requestId: string, input: { brand: string; text?: string }) {
      const org = await requests.brandOf(principal, input.brand);
      const { request, target: t } = await target(requestId, org.id);
      if (!t) throw rfpError('not_asked', `The request did not ask @${org.handle}`);
      if (stateOf(request) !== 'open') throw rfpError('request_closed', 'The request is closed');
      if (t.dm_status !== 'none')
        throw rfpError('dm_already_invited', 'The requester was already invited to continue by DM');
      const conversation = await care.sales.forPost(org.id, requestId);
      if (!conversation)
        throw rfpError(
          'no_conversation',
          'The request has not reached the brand’s inbox yet; retry in a moment',
        );
      await care.sales.requestPrivate(
        principal,
        org.handle,
        conversation.id,
        input.text ??
          `Thanks for asking @${org.handle}! Could we continue by direct message? You can accept on your request’s page.`,
      );
      if (!(await repo.setDm(db, requestId, org.id, ['none'], 'invited', conversation.id)))
        throw rfpError('dm_already_invited', 'The requester was already invited to continue by DM');
      return { brand: org.handle, status: 'invited' as const };
    },

    /** The requester accepts or declines a brand's invitation to continue by direct message. */
    async answer(principal: Principal, requestId: string, input: { brand: string; accept: boolean }) {
      const handle = input.brand.replace(/^@/, '');
      const request = await repo.findRequest(db, requestId);
      if (!request) throw rfpError('request_not_found', 'Request not found');
      if (request.author_id !== principal.userId)
        throw rfpError('not_requester', 'Only the person who posted the request can answer');
      const org = await deps.identity.accounts.byHandle(handle);
      const t = org && (await target(requestId, org.id)).target;
      if (!org || !t || t.dm_status !== 'invited' || !t.dm_conversation_id)
        throw rfpError('no_dm_invitation', `@${handle} has not invited you to continue by direct message`);
      await care.sales.answerPrivate(principal, t.dm_conversation_id, input.accept);
      const to = input.accept ? 'accepted' : 'declined';
      await repo.setDm(db, requestId, org.id, ['invited'], to);
      return { brand: org.handle, status: to } as const;
    },
  };
}

export type DmService = ReturnType<typeof createDmService>;
