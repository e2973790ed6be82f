import type { Db } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { LiveHub } from '../../../platform/live/live-hub.ts';
import { type IdentityModule, presentSummary } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import * as care from '../inbox/conversations.repo.ts';
import * as repo from './identity-links.repo.ts';

export type IdentityProposal = { network: string; handle: string; url?: string | null };

type LinkRow = Awaited<ReturnType<typeof repo.linksOf>>[number];

const presentLink = (r: LinkRow) => ({
  id: r.id,
  network: r.network,
  handle: r.handle,
  url: r.url,
  status: r.status,
  proposedAt: r.created_at.toISOString(),
  decidedAt: r.decided_at?.toISOString() ?? null,
});

/** For the customer 360: confirmed links are linked; pending ones only await the person's answer. */
export async function identitiesFor360(db: Db, orgId: string, customerId: string) {
  const rows = await repo.linksOf(db, orgId, customerId, ['confirmed', 'pending']);
  return {
    linkedIdentities: rows.filter((r) => r.status === 'confirmed').map(presentLink),
    pendingIdentities: rows.filter((r) => r.status === 'pending').map(presentLink),
  };
}

/**
 * Identities of a customer on other networks. A brand (an agent, or an import) only proposes one; it counts as
 * linked once the person themself confirmed it, and only for the brand that asked. No silent stitching.
 */
export function createIdentityLinksService({
  db,
  events,
  live,
  identity,
}: {
  db: Db;
  events: EventBus;
  live: LiveHub;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
}) {
  /** Proposes a link for a customer of the brand and asks the person; for agents and imports alike. */
  async function propose(orgId: string, customerId: string, proposedBy: string, input: IdentityProposal) {
    const network = input.network.trim();
    const handle = input.handle.trim().replace(/^@/, '');
    if (await repo.existingLink(db, orgId, customerId, network, handle))
      throw careError(
        'identity_link_exists',
        `@${handle} on ${network} was already proposed to this customer`,
      );
    const id = newId();
    const url = input.url ?? null;
    const inserted = await events.transaction(db, async (trx) => {
      if (
        !(await repo.insertLink(trx, {
          id,
          org_id: orgId,
          customer_id: customerId,
          network,
          handle,
          url,
          proposed_by: proposedBy,
        }))
      )
        return false;
      await events.emit(trx, 'care.identity-link.proposed', id, {
        orgId,
        linkId: id,
        customerId,
        proposedBy,
        network,
        handle,
        url,
      });
      return true;
    });
    if (!inserted)
      throw careError(
        'identity_link_exists',
        `@${handle} on ${network} was already proposed to this customer`,
      );
    return { id, network, handle, url, status: 'pending' as const };
  }

  async function own(principal: Principal, id: string) {
    const link = await repo.personLink(db, principal.userId, id);
    if (!link) throw careError('identity_link_not_found', 'Identity link not found');
    return link;
  }

  const refreshInbox = (orgId: string) =>
    live.publish([orgId], { event: 'care.conversation', data: { conversationId: null, orgId } });

  return {
    propose,

    /** An agent proposes that the customer is also `handle` on `network`; it stays pending until they confirm. */
    async proposeAsAgent(
      principal: Principal,
      orgHandle: string,
      customerId: string,
      input: IdentityProposal,
    ) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'workInbox');
      // Only the brand's own customers: someone who never wrote to it is not in its inbox.
      if (!(await care.lastConversation(db, org.id, customerId)))
        throw careError('customer_not_found', 'Customer not found');
      return propose(org.id, customerId, principal.userId, input);
    },

    /** The person's side: what brands proposed to them, to confirm or decline, and what they confirmed. */
    async mine(principal: Principal) {
      const rows = await repo.linksOfPerson(db, principal.userId);
      const brands = new Map(
        (await identity.accounts.byIds([...new Set(rows.map((r) => r.org_id))])).map((a) => [
          a.id,
          presentSummary(a),
        ]),
      );
      return rows.map((r) => ({ ...presentLink(r), brand: brands.get(r.org_id) ?? null }));
    },

    async answer(principal: Principal, id: string, accept: boolean) {
      const link = await own(principal, id);
      if (!(await repo.setStatus(db, principal.userId, id, ['pending'], accept ? 'confirmed' : 'declined')))
        throw careError('identity_link_answered', `You already ${link.status} this link`);
      refreshInbox(link.org_id);
    },

    /** The person withdraws a link (confirmed or still pending); the brand no longer sees it. */
    async remove(principal: Principal, id: string) {
      const link = await own(principal, id);
      if (!(await repo.setStatus(db, principal.userId, id, ['pending', 'confirmed'], 'removed')))
        throw careError('identity_link_not_linked', 'This link is not active');
      refreshInbox(link.org_id);
    },
  };
}

export type IdentityLinksService = ReturnType<typeof createIdentityLinksService>;
