import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import type { InboxService } from '../inbox/inbox.service.ts';
import * as repo from './canned.repo.ts';
import { renderCanned } from './canned.template.ts';

/** Canned replies of a brand's inbox: admins write them, agents fill them in for a conversation. */
export function createCannedService({
  db,
  identity,
  inbox,
}: {
  db: Db;
  identity: Pick<IdentityModule, 'orgs'>;
  inbox: Pick<InboxService, 'get'>;
}) {
  const workOrg = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'workInbox');
  const manageOrg = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'manageInbox');

  return {
    async list(principal: Principal, handle: string) {
      return repo.cannedOf(db, (await workOrg(principal, handle)).id);
    },

    async add(principal: Principal, handle: string, input: { title: string; body: string }) {
      const org = await manageOrg(principal, handle);
      const id = newId();
      await repo.insertCanned(db, { id, org_id: org.id, ...input }).catch((err) => {
        if ((err as { code?: string }).code === '23505')
          throw careError('canned_title_taken', `A canned reply titled "${input.title}" exists`);
        throw err;
      });
      return { id, ...input };
    },

    async remove(principal: Principal, handle: string, id: string) {
      if (!(await repo.deleteCanned(db, (await manageOrg(principal, handle)).id, id)))
        throw careError('canned_not_found', 'Canned reply not found');
    },

    /** A canned reply filled in for one conversation: {first_name}, {name}, {handle}, {brand}, {order_id}. */
    async render(principal: Principal, handle: string, conversationId: string, cannedId: string) {
      const org = await workOrg(principal, handle);
      const detail = await inbox.get(principal, handle, conversationId);
      const canned = (await repo.cannedOf(db, org.id)).find((c) => c.id === cannedId);
      if (!canned) throw careError('canned_not_found', 'Canned reply not found');
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
  };
}

export type CannedService = ReturnType<typeof createCannedService>;
