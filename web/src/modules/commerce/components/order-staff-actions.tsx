import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { formatMoney, parseDecimal, toDecimal } from '../../../shared/format/money.ts';
import { isTransient } from '../api/checkout-errors.ts';
import type { Order } from '../api/commerce.types.ts';
import { useIdempotencyKey } from '../hooks/use-checkout.ts';
import { useOrderAction } from '../hooks/use-orders.ts';
import { ShipmentForm } from './order-shipments.tsx';

function RefundForm({ order, onDone }: { order: Order; onDone: () => void }) {
  const action = useOrderAction(order.id);
  const intent = useIdempotencyKey();
  const remaining = order.totalMinor - order.refundedMinor;
  const [amount, setAmount] = useState('');
  const parsed = amount.trim() === '' ? remaining : parseDecimal(amount, order.currency);
  const invalid = parsed === null || parsed <= 0 || parsed > remaining;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    const amountMinor = parsed === remaining ? undefined : parsed;
    // The same key while this refund is retried after a network failure: it is never paid out twice.
    const key = intent.keyFor(`${order.id}:${amountMinor ?? 'full'}`);
    action.mutate(
      { kind: 'refund', amountMinor, key },
      {
        onSuccess: () => {
          intent.settle();
          onDone();
        },
        onError: (error) => !isTransient(error) && intent.settle(),
      },
    );
  };
  return (
    <form className="inline-form refund-form" onSubmit={submit}>
      <input
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        inputMode="decimal"
        placeholder={`${toDecimal(remaining, order.currency)} (full)`}
        aria-label={`Refund amount in ${order.currency}`}
        aria-invalid={amount !== '' && invalid}
        data-testid="refund-amount"
      />
      <button type="submit" className="btn btn-danger-outline btn-sm" disabled={invalid || action.isPending}>
        Refund {parsed !== null && !invalid ? formatMoney(parsed, order.currency) : ''}
      </button>
      {action.error && <p className="inline-error">{errorMessage(action.error)}</p>}
    </form>
  );
}

/** What brand staff can do with an order: ship with tracking, fulfil, cancel, refund in full or in part. */
export function OrderStaffActions({ order }: { order: Order }) {
  const action = useOrderAction(order.id);
  const [refunding, setRefunding] = useState(false);
  const [shipping, setShipping] = useState(false);
  const refundable =
    (order.status === 'paid' || order.status === 'fulfilled') && order.refundedMinor < order.totalMinor;
  return (
    <div className="order-actions">
      <div className="button-row">
        {order.status === 'paid' && !shipping && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            data-testid="order-ship"
            onClick={() => setShipping(true)}
          >
            Ship with tracking…
          </button>
        )}
        {order.status === 'paid' && (
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            data-testid="order-fulfil"
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: 'fulfil' })}
          >
            Mark fulfilled
          </button>
        )}
        {(order.status === 'pending' || order.status === 'paid') && (
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            data-testid="order-cancel"
            disabled={action.isPending}
            onClick={() =>
              window.confirm('Cancel this order and return its stock?') && action.mutate({ kind: 'cancel' })
            }
          >
            Cancel
          </button>
        )}
        {refundable && !refunding && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            data-testid="order-refund"
            onClick={() => setRefunding(true)}
          >
            Refund…
          </button>
        )}
      </div>
      {shipping && order.status === 'paid' && (
        <ShipmentForm order={order} onDone={() => setShipping(false)} />
      )}
      {refunding && <RefundForm order={order} onDone={() => setRefunding(false)} />}
      {action.error && <p className="inline-error">{errorMessage(action.error)}</p>}
    </div>
  );
}
