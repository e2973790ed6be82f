import { type Db, isUniqueViolation } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import type { InboxService } from '../inbox/inbox.service.ts';
import * as repo from './canned.repo.ts';
import { orderReference, orderVariablesIn, renderCanned } from './canned.template.ts';

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
        if (isUniqueViolation(err))
          throw careError('canned_title_taken', `A canned reply titled "${input.title}" exists`);
        throw err;
      });
      return { id, ...input };
    },

    /** Edits a canned reply's title or body (owners and admins). */
    async update(principal: Principal, handle: string, id: string, patch: { title?: string; body?: string }) {
      const org = await manageOrg(principal, handle);
      const updated = await repo.updateCanned(db, org.id, id, patch).catch((err) => {
        if (isUniqueViolation(err))
          throw careError('canned_title_taken', `A canned reply titled "${patch.title}" exists`, [
            { field: 'title', message: 'is the title of another canned reply' },
          ]);
        throw err;
      });
      if (!updated) throw careError('canned_not_found', 'Canned reply not found');
      return updated;
    },

    async remove(principal: Principal, handle: string, id: string) {
      if (!(await repo.deleteCanned(db, (await manageOrg(principal, handle)).id, id)))
        throw careError('canned_not_found', 'Canned reply not found');
    },

    /**
     * A canned reply filled in for one conversation: {first_name}, {name}, {handle}, {brand}, {order_id} and
     * {order_ref} (the customer's latest order). Order details are personal: for a public reply (`mode` public) a
     * canned reply that uses them is refused, saying why, rather than filled in; a private message fills them.
     */
    async render(
      principal: Principal,
      handle: string,
      conversationId: string,
      cannedId: string,
      mode?: 'public' | 'private',
    ) {
      const org = await workOrg(principal, handle);
      const detail = await inbox.get(principal, handle, conversationId);
      const canned = (await repo.cannedOf(db, org.id)).find((c) => c.id === cannedId);
      if (!canned) throw careError('canned_not_found', 'Canned reply not found');
      const orderVariables = orderVariablesIn(canned.body);
      if (mode === 'public' && orderVariables.length)
        throw careError(
          'order_in_public_reply',
          `"${canned.title}" uses ${orderVariables.join(' and ')}: order details are personal, so they go by private message, not in a public reply`,
          [{ field: 'mode', message: 'order details only in a private message' }],
        );
      const customer = detail.customer;
      const lastOrderId = detail.customer360.lastOrderId;
      return {
        text: renderCanned(canned.body, {
          first_name: customer?.name.split(/\s+/)[0] ?? '',
          name: customer?.name ?? '',
          handle: customer ? `@${customer.handle}` : '',
          brand: org.name,
          order_id: lastOrderId ?? '',
          order_ref: lastOrderId ? orderReference(lastOrderId) : '',
        }),
      };
    },
  };
}

export type CannedService = ReturnType<typeof createCannedService>;
