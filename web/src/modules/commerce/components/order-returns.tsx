import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMoney } from '../../../shared/format/money.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { Order } from '../api/commerce.types.ts';
import { RETURN_REASONS, RETURN_STATUS_TEXT, type ReturnInput, shopApi } from '../api/shop-basics.api.ts';
import { commerceKeys } from '../hooks/commerce-keys.ts';

/** The price breakdown rows under an order's items: items, discount, shipping, tax. */
export function BreakdownRows({ order: o }: { order: Order }) {
  return (
    <>
      {(o.discountMinor > 0 || o.shippingMinor > 0 || o.taxMinor > 0) && (
        <tr>
          <th colSpan={2}>Items</th>
          <td className="num">{formatMoney(o.itemsMinor, o.currency)}</td>
        </tr>
      )}
      {o.discountMinor > 0 && (
        <tr data-testid="order-discount">
          <th colSpan={2}>Discount ({o.discountCode})</th>
          <td className="num">−{formatMoney(o.discountMinor, o.currency)}</td>
        </tr>
      )}
      {o.shippingMinor > 0 && (
        <tr>
          <th colSpan={2}>Shipping</th>
          <td className="num">{formatMoney(o.shippingMinor, o.currency)}</td>
        </tr>
      )}
      {o.taxMinor > 0 && (
        <tr>
          <th colSpan={2}>
            {o.taxIncluded ? 'Includes tax' : 'Tax'} ({o.taxRateBp / 100}%)
          </th>
          <td className="num">{formatMoney(o.taxMinor, o.currency)}</td>
        </tr>
      )}
    </>
  );
}

function RequestReturn({ order, line }: { order: Order; line: number }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReturnInput['reason']>('does_not_fit');
  const [note, setNote] = useState('');
  const request = useMutation({
    mutationFn: () => shopApi.requestReturn(order.id, { line, reason, ...(note.trim() ? { note } : {}) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: commerceKeys.orders }),
  });
  if (!open)
    return (
      <button type="button" className="btn btn-sm" onClick={() => setOpen(true)} data-testid="return-open">
        Return this item
      </button>
    );
  return (
    <form
      className="form return-form"
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate();
      }}
    >
      <label>
        Reason
        <select
          value={reason}
          onChange={(e) => setReason(e.target.value as ReturnInput['reason'])}
          data-testid="return-reason"
        >
          {RETURN_REASONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tell the brand more (optional)
        <textarea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {request.error && <ErrorBanner error={request.error} />}
      <button
        type="submit"
        className="btn btn-primary btn-sm"
        disabled={request.isPending}
        data-testid="return-submit"
      >
        Request return
      </button>
    </form>
  );
}

/** Returns on an order and, for its buyer, a way to ask for one on each delivered item. */
export function OrderReturns({ order, isBuyer }: { order: Order; isBuyer: boolean }) {
  const delivered = order.status === 'fulfilled' || order.shipments.length > 0;
  if (order.returns.length === 0 && !(isBuyer && delivered)) return null;
  return (
    <section className="panel" aria-labelledby="order-returns">
      <h2 id="order-returns">Returns</h2>
      <ul className="plain-list">
        {order.items.map((item) => {
          const r = order.returns.find((x) => x.line === item.line);
          return (
            <li key={item.line} className="order-return" data-testid="order-return">
              <strong>{item.title}</strong>
              {r ? (
                <p data-testid="order-return-status">
                  {RETURN_STATUS_TEXT[r.status]}
                  {r.refundMinor !== null ? ` (${formatMoney(r.refundMinor, order.currency)})` : ''}
                  {r.decisionNote ? `: ${r.decisionNote}` : ''}
                </p>
              ) : (
                isBuyer && delivered && <RequestReturn order={order} line={item.line} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
