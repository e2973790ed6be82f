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
  /** `shipped`: fulfilled by its last shipment, whose own event already told the buyer. */
  'order.fulfilled': OrderRef & { shipped?: boolean };
  /** A parcel of the order left, with its tracking; `complete` when nothing is left to ship. */
  'order.shipped': OrderRef & {
    shipmentId: string;
    carrier: string;
    trackingNumber: string;
    trackingUrl: string | null;
    complete: boolean;
  };
  /** `actorId`: who cancelled (null: the system, e.g. a failed payment or an expired reservation). */
  'order.cancelled': OrderRef & { reason: string; actorId: string | null };
  'order.refunded': OrderRef & { amountMinor: number; full: boolean };
  /** A return moved a step (requested, approved, rejected, received, refunded); `note` is the brand's reason. */
  'return.updated': {
    returnId: string;
    orderId: string;
    orgId: string;
    buyerId: string;
    status: 'requested' | 'approved' | 'rejected' | 'received' | 'refunded';
    title: string;
    note: string | null;
    actorId: string;
  };
};
