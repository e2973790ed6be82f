import type { Executor } from '../../../platform/db/database.ts';

// All SQL of employee advocacy: the content library, staff shares and the orders they led to.

export async function upsertShareable(
  db: Executor,
  row: { org_id: string; post_id: string; topic: string; caption: string | null; marked_by: string },
) {
  return db
    .insertInto('governance_shareables')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'post_id']).doUpdateSet({ topic: row.topic, caption: row.caption }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteShareable(db: Executor, orgId: string, postId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('governance_shareables')
    .where('org_id', '=', orgId)
    .where('post_id', '=', postId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function findShareable(db: Executor, orgId: string, postId: string) {
  return db
    .selectFrom('governance_shareables')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('post_id', '=', postId)
    .executeTakeFirst();
}

/** The library, newest first (optionally one topic), one page after a (created_at, post_id) key. */
export function listShareables(
  db: Executor,
  orgId: string,
  q: { topic?: string; after?: { at: Date; id: string }; limit: number },
) {
  let query = db.selectFrom('governance_shareables').selectAll().where('org_id', '=', orgId);
  if (q.topic) query = query.where('topic', '=', q.topic);
  if (q.after) {
    const { at, id } = q.after;
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('post_id', '<', id)])]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('post_id', 'desc').limit(q.limit).execute();
}

/** The brand's library topics with how many posts each holds. */
export function topics(db: Executor, orgId: string) {
  return db
    .selectFrom('governance_shareables')
    .select(['topic', (eb) => eb.fn.countAll<string>().as('posts')])
    .where('org_id', '=', orgId)
    .groupBy('topic')
    .orderBy('topic')
    .execute();
}

/** Per library post: how often it was shared. */
export function shareCounts(db: Executor, orgId: string, postIds: string[]) {
  if (postIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('governance_staff_shares')
    .select(['library_post_id', (eb) => eb.fn.countAll<string>().as('shares')])
    .where('org_id', '=', orgId)
    .where('library_post_id', 'in', postIds)
    .groupBy('library_post_id')
    .execute();
}

/** The paid orders that shares of these library posts led to. */
export function ordersOfLibraryPosts(db: Executor, orgId: string, postIds: string[]) {
  if (postIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('governance_staff_share_orders as o')
    .innerJoin('governance_staff_shares as s', 's.id', 'o.share_id')
    .select(['s.library_post_id', 'o.order_id'])
    .where('o.org_id', '=', orgId)
    .where('s.library_post_id', 'in', postIds)
    .execute();
}

export function sharesOf(db: Executor, orgId: string, employeeId: string, libraryPostIds: string[]) {
  if (libraryPostIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('governance_staff_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('employee_id', '=', employeeId)
    .where('library_post_id', 'in', libraryPostIds)
    .execute();
}

export function insertShare(
  db: Executor,
  row: {
    id: string;
    org_id: string;
    library_post_id: string;
    employee_id: string;
    post_id: string;
    kind: 'reshare' | 'quote';
    followers_reached: number;
  },
) {
  return db.insertInto('governance_staff_shares').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Whether any of these accounts ever shared from the brand's library (the cheap first test on a paid order). */
export async function anySharer(db: Executor, orgId: string, accountIds: string[]): Promise<boolean> {
  if (accountIds.length === 0) return false;
  const row = await db
    .selectFrom('governance_staff_shares')
    .select('id')
    .where('org_id', '=', orgId)
    .where('employee_id', 'in', accountIds)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The staff shares among these posts (the path an order came through). */
export function sharesByPosts(db: Executor, orgId: string, postIds: string[]) {
  if (postIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('governance_staff_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('post_id', 'in', postIds)
    .execute();
}

/** Links a paid order to the share it came through; false when it was linked already (a redelivery). */
export async function linkOrder(
  db: Executor,
  row: {
    order_id: string;
    org_id: string;
    share_id: string;
    employee_id: string;
    total_minor: number;
    currency: string;
    paid_at: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('governance_staff_share_orders')
    .values(row)
    .onConflict((oc) => oc.column('order_id').doNothing())
    .returning('order_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The brand's staff shares made in [from, to), newest first. */
export function sharesInPeriod(db: Executor, orgId: string, from: Date, to: Date, employeeId?: string) {
  let q = db
    .selectFrom('governance_staff_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to);
  if (employeeId) q = q.where('employee_id', '=', employeeId);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** Orders paid in [from, to) attributed to the brand's staff shares. */
export function ordersInPeriod(db: Executor, orgId: string, from: Date, to: Date) {
  return db
    .selectFrom('governance_staff_share_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('paid_at', '>=', from)
    .where('paid_at', '<', to)
    .orderBy('paid_at', 'desc')
    .execute();
}

/** Every order linked to these shares, whenever paid. */
export function ordersOfShares(db: Executor, orgId: string, shareIds: string[]) {
  if (shareIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('governance_staff_share_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('share_id', 'in', shareIds)
    .orderBy('paid_at', 'desc')
    .execute();
}
