import { formatMoney } from '../../../shared/format/money.ts';
import { cancelReason } from '../api/checkout-errors.ts';
import type { Order, OrderStatus } from '../api/commerce.types.ts';

export const ORDER_STATUSES: OrderStatus[] = ['pending', 'paid', 'fulfilled', 'cancelled', 'refunded'];

/** What the order's state means for the buyer, in a few words. */
const LABELS: Record<string, string> = {
  pending: 'payment pending',
  paid: 'paid',
  fulfilled: 'shipped',
  cancelled: 'cancelled',
  refunded: 'refunded',
};

export function OrderStatusChip({ status }: { status: string }) {
  return (
    <span className={`order-status order-status-${status}`} data-testid="order-status" data-status={status}>
      {LABELS[status] ?? status}
    </span>
  );
}

/** Why it was cancelled (a payment failure in words, its code kept) or how much was refunded; null otherwise. */
export function OrderOutcome({ order }: { order: Order }) {
  if (order.status === 'cancelled') {
    const reason = cancelReason(order.history.findLast((h) => h.status === 'cancelled')?.note);
    return (
      <span className="order-outcome" data-testid="order-outcome" data-code={reason.code ?? undefined}>
        {reason.text}
        {reason.code && <code className="order-outcome-code"> ({reason.code})</code>}
        {order.refundedMinor > 0 && ` Refunded ${formatMoney(order.refundedMinor, order.currency)}.`}
      </span>
    );
  }
  if (order.refundedMinor <= 0) return null;
  const full = order.refundedMinor >= order.totalMinor;
  return (
    <span className="order-outcome" data-testid="order-outcome">
      {full
        ? `Refunded in full: ${formatMoney(order.refundedMinor, order.currency)}`
        : `Refunded ${formatMoney(order.refundedMinor, order.currency)} of ${formatMoney(order.totalMinor, order.currency)}`}
    </span>
  );
}
