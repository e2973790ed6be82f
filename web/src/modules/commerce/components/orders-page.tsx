import { Link } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { formatFull } from '../../../shared/ui/relative-time.tsx';
import { EmptyState, ErrorBanner, Loading, LoadMore } from '../../../shared/ui/status.tsx';
import type { Order } from '../api/commerce.types.ts';
import { useMyOrders } from '../hooks/use-orders.ts';
import { OrderOutcome, OrderStatusChip } from './order-status.tsx';

export function itemsSummary(order: Order): string {
  const [first, ...rest] = order.items;
  if (!first) return '';
  const head = `${first.quantity > 1 ? `${first.quantity} × ` : ''}${first.title}`;
  return rest.length ? `${head} and ${rest.length} more` : head;
}

function OrderCard({ order }: { order: Order }) {
  return (
    <Link to={`/orders/${order.id}`} className="order-card" data-testid="order-card">
      <span className="order-card-head">
        <strong>{order.org?.name ?? 'Order'}</strong>
        <OrderStatusChip status={order.status} />
      </span>
      <span className="order-card-head">
        <span className="truncate">{itemsSummary(order)}</span>
        <strong>{formatMoney(order.totalMinor, order.currency)}</strong>
      </span>
      <OrderOutcome order={order} />
      <span className="muted small">{formatFull(order.createdAt)}</span>
    </Link>
  );
}

/** The customer's orders, newest first. */
export function OrdersPage() {
  const orders = useMyOrders();
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="Orders" />
      {orders.isPending ? (
        <Loading />
      ) : orders.error && !orders.data ? (
        <ErrorBanner error={orders.error} />
      ) : items.length === 0 ? (
        <EmptyState title="No orders yet">Deals from brands you follow show up in your timeline.</EmptyState>
      ) : (
        <div className="order-list">
          {items.map((o) => (
            <OrderCard key={o.id} order={o} />
          ))}
          <LoadMore query={orders} />
        </div>
      )}
    </>
  );
}
