import type { Executor } from '../../platform/db/database.ts';

export function ordersOf(db: Executor, buyerId: string) {
  return db
    .selectFrom('orders')
    .select([
      'id',
      'org_id',
      'status',
      'currency',
      'total_minor',
      'refunded_minor',
      'shipping_address',
      'created_at',
    ])
    .where('buyer_id', '=', buyerId)
    .orderBy('created_at')
    .execute();
}

export function itemsOf(db: Executor, orderIds: string[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('order_items')
    .select(['order_id', 'title', 'sku', 'quantity', 'unit_price_minor'])
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('line')
    .execute();
}

export function addressesOf(db: Executor, userId: string) {
  return db
    .selectFrom('addresses')
    .select(['name', 'line1', 'line2', 'city', 'postal_code', 'country'])
    .where('user_id', '=', userId)
    .execute();
}

/** The address book and the cart go; orders stay (see the service). */
export async function dropShopperData(db: Executor, userId: string) {
  await db.deleteFrom('addresses').where('user_id', '=', userId).execute();
  await db.deleteFrom('cart_items').where('user_id', '=', userId).execute();
}
