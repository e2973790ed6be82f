import type { Principal } from '../../../platform/http/auth.ts';
import { can, type IdentityModule } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';

/** The intents care routes to sales: what a sales member works in the inbox without working all of care. */
export const SALES_INTENTS: readonly string[] = ['rfp', 'product_price_request'];

/**
 * The inbox the caller may work, and which conversations of it: every one for inbox workers (`intents` null),
 * those of the sales intents for sales members. Anyone else gets identity's 403/404.
 */
export async function inboxAccess(
  identity: Pick<IdentityModule, 'orgs'>,
  principal: Principal,
  handle: string,
): Promise<{ org: { id: string; handle: string }; intents: readonly string[] | null }> {
  const org = await identity.orgs.requireCapability(principal, handle, 'workSalesConversations');
  return { org, intents: can(principal, org.id, 'workInbox') ? null : SALES_INTENTS };
}

/** A conversation outside the caller's part of the inbox is not found, like another brand's. */
export function assertInScope<R extends { intent: string }>(
  row: R | undefined,
  intents: readonly string[] | null,
): R {
  if (!row || (intents && !intents.includes(row.intent)))
    throw careError('conversation_not_found', 'Conversation not found');
  return row;
}
