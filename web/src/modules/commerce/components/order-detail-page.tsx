import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { formatFull } from '../../../shared/ui/relative-time.tsx';
import { Loading, PageError } from '../../../shared/ui/status.tsx';
import { useViewer } from '../../identity/index.ts';
import type { Order } from '../api/commerce.types.ts';
import { accessOf } from '../hooks/use-brand-roles.ts';
import { useOrder, useOrderAction } from '../hooks/use-orders.ts';
import { formatAddress } from './address-fields.tsx';
import { BreakdownRows, OrderReturns } from './order-returns.tsx';
import { OrderShipments } from './order-shipments.tsx';
import { OrderStaffActions } from './order-staff-actions.tsx';
import { OrderOutcome, OrderStatusChip } from './order-status.tsx';
import { attributionText, OrderTimeline } from './order-timeline.tsx';

function BuyerCancel({ order }: { order: Order }) {
  const action = useOrderAction(order.id);
  if (order.status !== 'pending' && order.status !== 'paid') return null;
  return (
    <div>
      <button
        type="button"
        className="btn btn-danger-outline btn-sm"
        data-testid="order-cancel"
        disabled={action.isPending}
        onClick={() => window.confirm('Cancel this order?') && action.mutate({ kind: 'cancel' })}
      >
        Cancel order
      </button>
      {action.error && <p className="inline-error">{errorMessage(action.error)}</p>}
    </div>
  );
}

/** One order: its items, where it ships, how it was found, and each step with who and when. */
export function OrderDetailPage() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  const me = useViewer();
  if (!order.data) {
    return (
      <>
        <PageHeader title="Order" back />
        {order.isPending ? <Loading /> : <PageError error={order.error} notFoundTitle="No such order" />}
      </>
    );
  }
  const o = order.data;
  const isBuyer = o.buyer?.id === me?.account.id;
  const role = me?.memberships.find((m) => m.org.id === o.org?.id)?.role;
  return (
    <>
      <PageHeader title={`Order from ${o.org?.name ?? 'a brand'}`} back>
        <OrderStatusChip status={o.status} />
      </PageHeader>
      {(o.status === 'cancelled' || o.refundedMinor > 0) && (
        <p className="panel order-outcome-banner">
          <OrderOutcome order={o} />
        </p>
      )}
      <section className="panel" aria-label="Items">
        <table className="data-table">
          <tbody>
            {o.items.map((i) => (
              <tr key={i.variantId}>
                <td>
                  <Link to={`/products/${i.productId}`}>{i.title}</Link>
                  <div className="muted small">SKU {i.sku}</div>
                </td>
                <td className="num">{i.quantity} ×</td>
                <td className="num">{formatMoney(i.unitPriceMinor, o.currency)}</td>
              </tr>
            ))}
            <BreakdownRows order={o} />
            <tr>
              <th colSpan={2}>Total</th>
              <td className="num" data-testid="order-total">
                <strong>{formatMoney(o.totalMinor, o.currency)}</strong>
              </td>
            </tr>
            {o.refundedMinor > 0 && (
              <tr>
                <th colSpan={2}>Refunded</th>
                <td className="num">{formatMoney(o.refundedMinor, o.currency)}</td>
              </tr>
            )}
          </tbody>
        </table>
        <dl className="kv">
          <dt>Placed</dt>
          <dd>{formatFull(o.createdAt)}</dd>
          <dt>Ships to</dt>
          <dd>{formatAddress(o.shippingAddress)}</dd>
          {!isBuyer && o.buyer && (
            <>
              <dt>Customer</dt>
              <dd>
                <Link to={`/@${o.buyer.handle}`}>@{o.buyer.handle}</Link>
              </dd>
            </>
          )}
          <dt>Came from</dt>
          <dd data-testid="order-attribution">{attributionText(o)}</dd>
          {o.expiresAt && (
            <>
              <dt>Held until</dt>
              <dd>{formatFull(o.expiresAt)}</dd>
            </>
          )}
        </dl>
        {role && accessOf(role).orders ? (
          <OrderStaffActions order={o} />
        ) : (
          isBuyer && <BuyerCancel order={o} />
        )}
      </section>
      <OrderShipments order={o} />
      <OrderReturns order={o} isBuyer={isBuyer} />
      <section className="panel" aria-labelledby="order-history">
        <h2 id="order-history">History</h2>
        <OrderTimeline order={o} />
      </section>
    </>
  );
}
