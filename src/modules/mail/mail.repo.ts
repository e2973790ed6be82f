import { type Insertable, sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../platform/db/database.ts';
import type { MailMessagesTable, MailTables } from './mail.tables.ts';

/** This module's repos see only its own tables. */
type Executor = AnyExecutor<MailTables>;

export async function insertMessage(
  db: Executor,
  row: Pick<
    Insertable<MailMessagesTable>,
    'id' | 'to_address' | 'subject' | 'text_body' | 'html_body' | 'transport'
  >,
): Promise<void> {
  await db.insertInto('mail_messages').values(row).execute();
}

/**
 * Claims an unsent message whose turn has come, for `leaseSeconds`: one statement, so two senders (two server
 * processes, or the after-commit nudge and the sweep) never send the same message at the same time.
 */
export function claimMessage(db: Executor, id: string, leaseSeconds: number) {
  return db
    .updateTable('mail_messages')
    .set({
      attempts: sql`attempts + 1`,
      next_attempt_at: sql`now() + make_interval(secs => ${leaseSeconds})`,
    })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
}

/** Marks a message sent; an SMTP server has it now, so its bodies (single-use links) are not kept. */
export async function markSent(db: Executor, id: string, keepBodies: boolean): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set({
      sent_at: sql`now()`,
      last_error: null,
      ...(keepBodies ? {} : { text_body: null, html_body: null }),
    })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Executor, id: string, error: string, retryInSeconds: number | null) {
  await db
    .updateTable('mail_messages')
    .set({
      last_error: error.slice(0, 500),
      // No retry left: parked far in the future, visible in `souk mail` with its error.
      next_attempt_at: sql`now() + make_interval(secs => ${retryInSeconds ?? 10 * 365 * 24 * 3600})`,
    })
    .where('id', '=', id)
    .execute();
}

/** Unsent messages whose turn has come, oldest first. */
export async function dueMessageIds(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_messages')
    .select('id')
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export function listMessages(db: Executor, limit: number, to?: string) {
  let query = db
    .selectFrom('mail_messages')
    .select(['id', 'to_address', 'subject', 'transport', 'created_at', 'sent_at', 'attempts', 'last_error']);
  if (to) query = query.where(sql`lower(to_address)`, '=', to.toLowerCase());
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function findMessage(db: Executor, id: string) {
  return db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}
