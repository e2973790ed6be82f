import type { OrderStatus } from '../api/commerce.types.ts';

export const ORDER_STATUSES: OrderStatus[] = ['pending', 'paid', 'fulfilled', 'cancelled', 'refunded'];

export function OrderStatusChip({ status }: { status: string }) {
  return (
    <span className={`order-status order-status-${status}`} data-testid="order-status" data-status={status}>
      {status}
    </span>
  );
}
