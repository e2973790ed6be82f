import { Link, useSearchParams } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { formatFull } from '../../../shared/ui/relative-time.tsx';
import { EmptyState, ErrorBanner, Loading, LoadMore } from '../../../shared/ui/status.tsx';
import type { Order, OrderStatus } from '../api/commerce.types.ts';
import { useOrgOrders } from '../hooks/use-orders.ts';
import { OrderStaffActions } from './order-staff-actions.tsx';
import { ORDER_STATUSES, OrderStatusChip } from './order-status.tsx';
import { attributionText } from './order-timeline.tsx';
import { itemsSummary } from './orders-page.tsx';
import { Workspace } from './workspace-page.tsx';

function StaffOrder({ order }: { order: Order }) {
  return (
    <article className="order-card" data-testid="staff-order">
      <div className="order-card-head">
        <Link to={`/orders/${order.id}`}>
          <strong>{order.buyer ? `@${order.buyer.handle}` : 'Customer'}</strong>
        </Link>
        <OrderStatusChip status={order.status} />
      </div>
      <div className="order-card-head">
        <span className="truncate">{itemsSummary(order)}</span>
        <strong>
          {formatMoney(order.totalMinor, order.currency)}
          {order.refundedMinor > 0 && (
            <span className="muted small">
              {' '}
              ({formatMoney(order.refundedMinor, order.currency)} refunded)
            </span>
          )}
        </strong>
      </div>
      <span className="muted small">
        {formatFull(order.createdAt)} · {attributionText(order)}
      </span>
      <OrderStaffActions order={order} />
    </article>
  );
}

function BrandOrders({ handle }: { handle: string }) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = ORDER_STATUSES.includes(raw as OrderStatus) ? (raw as OrderStatus) : undefined;
  const orders = useOrgOrders(handle, status);
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="workspace-toolbar panel">
        <label htmlFor="order-status-filter" className="small">
          Status
        </label>
        <select
          id="order-status-filter"
          className="compact-select"
          value={status ?? ''}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
          data-testid="orders-filter"
        >
          <option value="">All</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s[0].toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </div>
      {orders.isPending ? (
        <Loading />
      ) : orders.error && !orders.data ? (
        <ErrorBanner error={orders.error} />
      ) : items.length === 0 ? (
        <EmptyState title={status ? `No ${status} orders` : 'No orders yet'} />
      ) : (
        <div>
          {items.map((o) => (
            <StaffOrder key={o.id} order={o} />
          ))}
          <LoadMore query={orders} />
        </div>
      )}
    </>
  );
}

/** `/orgs/:handle/orders`: the brand's orders, filtered by status, with fulfil, cancel and refund. */
export function BrandOrdersPage() {
  return (
    <Workspace area="orders" title="Orders">
      {({ handle }) => <BrandOrders handle={handle} />}
    </Workspace>
  );
}
