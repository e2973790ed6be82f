import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ShipmentItemsTable, ShipmentsTable } from '../commerce.tables.ts';

export type ShipmentRow = Selectable<ShipmentsTable>;
export type ShipmentItemRow = Selectable<ShipmentItemsTable>;

/** Inserts a shipment; false when the order already has this carrier's tracking number (a retried request). */
export async function insertShipment(
  db: Executor,
  shipment: Omit<Insertable<ShipmentsTable>, 'created_at'>,
  items: { line: number; quantity: number }[],
): Promise<boolean> {
  const inserted = await db
    .insertInto('shipments')
    .values(shipment)
    .onConflict((oc) => oc.columns(['order_id', 'carrier', 'tracking_number']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .insertInto('shipment_items')
    .values(items.map((i) => ({ shipment_id: shipment.id, order_id: shipment.order_id, ...i })))
    .execute();
  return true;
}

export function shipmentsOf(db: Executor, orderIds: string[]): Promise<ShipmentRow[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('shipments')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function shipmentItemsOf(db: Executor, orderIds: string[]): Promise<ShipmentItemRow[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('shipment_items').selectAll().where('order_id', 'in', orderIds).execute();
}
