import type { Executor as AnyExecutor } from '../../../platform/db/database.ts';
import type { NotificationKind, NotificationTables } from '../notifications.tables.ts';

type Executor = AnyExecutor<NotificationTables>;

export function preferencesOf(db: Executor, accountIds: string[]) {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('notification_preferences')
    .select(['account_id', 'kind', 'in_app', 'email'])
    .where('account_id', 'in', accountIds)
    .execute();
}

export async function setPreference(
  db: Executor,
  row: { account_id: string; kind: NotificationKind; in_app: boolean; email: boolean },
) {
  await db
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'kind'])
        .doUpdateSet({ in_app: row.in_app, email: row.email, updated_at: new Date() }),
    )
    .execute();
}

/** Claims the mail of one notification; a redelivered event gets nothing back and mails nothing again. */
export async function claimMails(
  db: Executor,
  rows: { recipient_id: string; source_event_id: number; kind: NotificationKind }[],
) {
  if (rows.length === 0) return [];
  return db
    .insertInto('notification_mails')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning(['recipient_id', 'kind'])
    .execute();
}

/** The installation's key for unsubscribe links (created by its migration). */
export async function signingKey(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('notification_keys')
    .select('secret')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return row.secret;
}

/** A person's settings go when they close their account. */
export function deletePreferences(db: Executor, accountId: string) {
  return db.deleteFrom('notification_preferences').where('account_id', '=', accountId).execute();
}

export function notificationsOf(db: Executor, recipientId: string) {
  return db
    .selectFrom('notifications')
    .select(['kind', 'actor_id', 'post_id', 'subject_id', 'created_at', 'read_at'])
    .where('recipient_id', '=', recipientId)
    .orderBy('id')
    .execute();
}

export function deleteNotifications(db: Executor, recipientId: string) {
  return db.deleteFrom('notifications').where('recipient_id', '=', recipientId).execute();
}
