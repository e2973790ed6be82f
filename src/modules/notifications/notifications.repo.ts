import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../platform/db/database.ts';
import type { NotificationKind, NotificationTables } from './notifications.tables.ts';

/** This module's repos see only its own tables: a query of another module's table does not compile. */
type Executor = AnyExecutor<NotificationTables>;

export type NewNotification = {
  id: string;
  recipient_id: string;
  kind: NotificationKind;
  actor_id: string;
  post_id: string | null;
  source_event_id: number;
  org_id?: string | null;
  subject_id?: string | null;
  /** Serialised JSON (see NotificationsTable.detail). */
  detail?: string | null;
};

/** Idempotent: a redelivered event finds its notifications already there (unique per recipient, event, kind). */
export async function insertNotifications(db: Executor, rows: NewNotification[]): Promise<NewNotification[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  const ids = new Set(inserted.map((r) => r.id));
  return rows.filter((r) => ids.has(r.id));
}

export async function listNotifications(
  db: Executor,
  recipientId: string,
  cursor: string | undefined,
  limit: number,
) {
  let query = db.selectFrom('notifications').selectAll().where('recipient_id', '=', recipientId);
  if (cursor) query = query.where('id', '<', cursor);
  return query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function unreadCounts(db: Executor, recipientIds: string[]) {
  if (recipientIds.length === 0) return [];
  return db
    .selectFrom('notifications')
    .select(['recipient_id', sql<number>`count(*)::int`.as('unread')])
    .where('recipient_id', 'in', recipientIds)
    .where('read_at', 'is', null)
    .groupBy('recipient_id')
    .execute();
}

export async function markAllRead(db: Executor, recipientId: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .execute();
}
