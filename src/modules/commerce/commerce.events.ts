import type { AttributionKind } from './commerce.tables.ts';

type OrderRef = { orderId: string; orgId: string; buyerId: string; totalMinor: number; currency: string };

/** Events the commerce module emits: care (customer 360), notifications (the buyer) and insight subscribe to these. */
export type CommerceEvents = {
  'deal.published': { dealId: string; orgId: string; productIds: string[] };
  'order.placed': OrderRef & {
    dealId: string | null;
    attribution: { kind: AttributionKind; postId: string | null; chain: string[]; referrerId: string | null };
  };
  'order.paid': OrderRef;
  'order.fulfilled': OrderRef;
  /** `actorId`: who cancelled (null: the system, e.g. a failed payment or an expired reservation). */
  'order.cancelled': OrderRef & { reason: string; actorId: string | null };
  'order.refunded': OrderRef & { amountMinor: number; full: boolean };
};
