import { Link } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { checkoutErrorMessage, declineMessage } from '../api/checkout-errors.ts';
import type { Order } from '../api/commerce.types.ts';
import { useOrder } from '../hooks/use-orders.ts';

/** The outcome of an order just placed; a pending payment is followed until it settles. */
export function CheckoutResult({ placed, onClose }: { placed: Order; onClose?: () => void }) {
  const live = useOrder(placed.status === 'pending' ? placed.id : undefined);
  const order = live.data ?? placed;
  const total = formatMoney(order.totalMinor, order.currency);
  if (order.status === 'cancelled') {
    return (
      <div
        className="checkout-result checkout-result-error"
        data-testid="checkout-result"
        data-state="failed"
      >
        <p>{declineMessage(order)}</p>
      </div>
    );
  }
  const pending = order.status === 'pending';
  return (
    <div
      className={pending ? 'checkout-result checkout-result-pending' : 'checkout-result checkout-result-paid'}
      data-testid="checkout-result"
      data-state={order.status}
      role="status"
    >
      {pending ? (
        <p>
          <span className="spinner" aria-hidden="true" /> Payment pending: your bank is confirming {total}.
          You can close this; the order page shows when it is paid.
        </p>
      ) : (
        <p>
          <strong>Paid {total}.</strong> Thank you! {order.org ? `${order.org.name} has your order.` : ''}
        </p>
      )}
      <div className="button-row">
        <Link
          to={`/orders/${order.id}`}
          className="btn btn-secondary btn-sm"
          data-testid="checkout-order-link"
        >
          View order
        </Link>
        {onClose && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
            Done
          </button>
        )}
      </div>
    </div>
  );
}

export function CheckoutError({ error }: { error: unknown }) {
  return (
    <div
      className="checkout-result checkout-result-error"
      data-testid="checkout-result"
      data-state="error"
      role="alert"
    >
      <p>{checkoutErrorMessage(error)}</p>
    </div>
  );
}
