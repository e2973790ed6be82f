import type { Executor } from '../../platform/db/database.ts';

export function sharingOf(db: Executor, accountId: string) {
  return db.selectFrom('purchase_sharing').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export async function saveSharing(db: Executor, accountId: string, share: boolean) {
  return db
    .insertInto('purchase_sharing')
    .values({ account_id: accountId, share })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ share, decided_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Buyers among `people` who share their purchases, per deal of the page: one query for the whole page. */
export async function sharingBuyersOfDeals(db: Executor, dealIds: string[], people: string[]) {
  if (dealIds.length === 0 || people.length === 0) return [];
  return db
    .selectFrom('deal_purchases as dp')
    .innerJoin('purchase_sharing as s', 's.account_id', 'dp.buyer_id')
    .select(['dp.deal_id', 'dp.buyer_id'])
    .where('dp.deal_id', 'in', dealIds)
    .where('dp.buyer_id', 'in', people)
    .where('dp.quantity', '>', 0)
    .where('s.share', '=', true)
    .execute();
}

/** Buyers among `people` who share their purchases and have a paid order of the product. */
export async function sharingBuyersOfProduct(db: Executor, productId: string, people: string[]) {
  if (people.length === 0) return [];
  const rows = await db
    .selectFrom('order_items as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .innerJoin('purchase_sharing as s', 's.account_id', 'o.buyer_id')
    .select('o.buyer_id')
    .distinct()
    .where('i.product_id', '=', productId)
    .where('o.buyer_id', 'in', people)
    .where('o.status', 'in', ['paid', 'fulfilled'])
    .where('s.share', '=', true)
    .execute();
  return rows.map((r) => r.buyer_id);
}
