import { formatMoney } from '../../../shared/format/money.ts';
import { formatFull } from '../../../shared/ui/relative-time.tsx';
import { cancelReason } from '../api/checkout-errors.ts';
import type { Order } from '../api/commerce.types.ts';

const LABELS: Record<string, string> = {
  pending: 'Order placed, payment pending',
  paid: 'Paid',
  fulfilled: 'Shipped',
  shipped: 'Parcel sent',
  cancelled: 'Cancelled',
  refund: 'Refunded',
  refunded: 'Refunded',
};

/** A cancellation's note in words (a payment failure keeps its code); other notes as they are. */
function noteText(status: string, note: string): string {
  if (status !== 'cancelled') return note;
  const reason = cancelReason(note);
  return reason.code ? `${reason.text} (${reason.code})` : reason.text;
}

/** Each state the order went through, who moved it and when. */
export function OrderTimeline({ order }: { order: Order }) {
  return (
    <ol className="order-timeline" data-testid="order-timeline">
      {order.history.map((h) => (
        <li key={`${h.status}:${h.at}:${h.amountMinor ?? ''}`}>
          <strong>
            {LABELS[h.status] ?? h.status}
            {h.amountMinor !== null && ` ${formatMoney(h.amountMinor, order.currency)}`}
          </strong>
          <span className="muted small">
            <time dateTime={h.at}>{formatFull(h.at)}</time>
            {h.actor && ` · by ${h.actor.name}`}
            {h.note && ` · ${noteText(h.status, h.note)}`}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** How the buyer came to the order: the brand's post, a reshare chain or a referral link. */
export function attributionText(order: Order): string {
  const { kind, chain, referrer } = order.attribution;
  if (kind === 'referral' && referrer) return `Referral link from @${referrer.handle}`;
  if (kind === 'reshare' && chain.length > 1)
    return `Reshare by @${chain[chain.length - 1].handle} (${chain.map((a) => `@${a.handle}`).join(' → ')})`;
  if (kind === 'post') return 'The brand’s own deal post';
  return 'Direct';
}
