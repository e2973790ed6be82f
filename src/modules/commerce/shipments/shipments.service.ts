import type { Db, Executor } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import { can } from '../../identity/index.ts';
import { commerceError } from '../commerce.errors.ts';
import * as ordersRepo from '../orders.repo.ts';
import { type Carrier, carrierName, checkTracking } from './carriers.ts';
import * as repo from './shipments.repo.ts';

export type ShipmentInput = {
  carrier: Carrier;
  trackingNumber: string;
  trackingUrl?: string;
  /** Order lines and quantities in this parcel; all that is not yet shipped when absent. */
  items?: { line: number; quantity: number }[];
};

/** Units of each order line already in a shipment. */
export function shippedByLine(items: repo.ShipmentItemRow[]): Map<number, number> {
  const shipped = new Map<number, number>();
  for (const i of items) shipped.set(i.line, (shipped.get(i.line) ?? 0) + i.quantity);
  return shipped;
}

/** The order's parcels as its buyer and brand see them. */
export async function presentShipments(db: Executor, orderIds: string[]) {
  const [shipments, items] = await Promise.all([
    repo.shipmentsOf(db, orderIds),
    repo.shipmentItemsOf(db, orderIds),
  ]);
  return shipments.map((s) => ({
    orderId: s.order_id,
    id: s.id,
    carrier: s.carrier,
    carrierName: carrierName(s.carrier),
    trackingNumber: s.tracking_number,
    trackingUrl: s.tracking_url,
    createdAt: s.created_at.toISOString(),
    items: items.filter((i) => i.shipment_id === s.id).map((i) => ({ line: i.line, quantity: i.quantity })),
  }));
}

const invalid = (field: string, message: string) =>
  commerceError('invalid_shipment', `${field} ${message}`, [{ field, message }]);

/** Shipping a paid order in one or more parcels, each with its carrier and tracking; the last one fulfils it. */
export function createShipmentsService({ db, events }: { db: Db; events: EventBus }) {
  function parcel(input: ShipmentInput, lines: ordersRepo.OrderItemRow[], shipped: Map<number, number>) {
    const remaining = lines.map((l) => ({ line: l.line, left: l.quantity - (shipped.get(l.line) ?? 0) }));
    if (remaining.every((r) => r.left === 0))
      throw commerceError('already_shipped', 'Every item of this order has already shipped');
    if (!input.items)
      return remaining.filter((r) => r.left > 0).map((r) => ({ line: r.line, quantity: r.left }));
    const seen = new Set<number>();
    for (const [index, item] of input.items.entries()) {
      const line = remaining.find((r) => r.line === item.line);
      if (!line || seen.has(item.line))
        throw invalid(`items[${index}].line`, 'is not a line of this order, or is repeated');
      if (item.quantity > line.left)
        throw invalid(
          `items[${index}].quantity`,
          `is more than the ${line.left} of line ${item.line} not yet shipped`,
        );
      seen.add(item.line);
    }
    return input.items;
  }

  return {
    async ship(principal: Principal, orderId: string, input: ShipmentInput) {
      const order = await ordersRepo.findOrder(db, orderId);
      if (!order || !can(principal, order.org_id, 'viewSales'))
        throw commerceError('order_not_found', 'Order not found');
      if (!can(principal, order.org_id, 'manageOrders'))
        throw commerceError('role_not_allowed', 'Your role cannot ship orders');
      const tracking = checkTracking(input.carrier, input.trackingNumber, input.trackingUrl);
      if ('field' in tracking) throw invalid(tracking.field, tracking.message);
      await events.transaction(db, async (trx) => {
        const locked = (await ordersRepo.lockOrder(trx, orderId))!;
        if (locked.status !== 'paid' && locked.status !== 'fulfilled')
          throw commerceError(
            'not_fulfillable',
            `A ${locked.status} order cannot be shipped; only a paid one`,
          );
        const lines = await ordersRepo.itemsOf(trx, [orderId]);
        const shipped = shippedByLine(await repo.shipmentItemsOf(trx, [orderId]));
        const existing = (await repo.shipmentsOf(trx, [orderId])).find(
          (s) => s.carrier === tracking.carrier && s.tracking_number === tracking.trackingNumber,
        );
        if (existing) return; // the same parcel again: a retried request
        const items = parcel(input, lines, shipped);
        const id = newId();
        await repo.insertShipment(
          trx,
          {
            id,
            order_id: orderId,
            org_id: locked.org_id,
            carrier: tracking.carrier,
            tracking_number: tracking.trackingNumber,
            tracking_url: tracking.trackingUrl,
            created_by: principal.userId,
          },
          items,
        );
        for (const i of items) shipped.set(i.line, (shipped.get(i.line) ?? 0) + i.quantity);
        const complete = lines.every((l) => (shipped.get(l.line) ?? 0) >= l.quantity);
        await ordersRepo.addHistory(trx, {
          order_id: orderId,
          status: 'shipped',
          actor_id: principal.userId,
          note: `${carrierName(tracking.carrier)} ${tracking.trackingNumber}${complete ? '' : ' (part of the order)'}`,
        });
        const ref = {
          orderId,
          orgId: locked.org_id,
          buyerId: locked.buyer_id,
          totalMinor: locked.total_minor,
          currency: locked.currency,
        };
        await events.emit(trx, 'order.shipped', id, {
          ...ref,
          shipmentId: id,
          carrier: carrierName(tracking.carrier),
          trackingNumber: tracking.trackingNumber,
          trackingUrl: tracking.trackingUrl,
          complete,
        });
        if (complete && locked.status === 'paid') {
          await ordersRepo.setStatus(trx, orderId, 'fulfilled');
          await ordersRepo.addHistory(trx, {
            order_id: orderId,
            status: 'fulfilled',
            actor_id: principal.userId,
          });
          await events.emit(trx, 'order.fulfilled', orderId, { ...ref, shipped: true });
        }
      });
    },
  };
}

export type ShipmentsService = ReturnType<typeof createShipmentsService>;
