import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { AlertChannelName, ListeningTables } from '../listening.tables.ts';

type Db = Executor<ListeningTables>;

export function settingsOf(db: Db, orgId: string) {
  return db
    .selectFrom('listening_alert_settings')
    .select(['in_app', 'email_to', 'webhook_url', 'webhook_secret', 'updated_at'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function saveSettings(
  db: Db,
  row: {
    org_id: string;
    in_app: boolean;
    email_to: string[];
    webhook_url: string | null;
    webhook_secret: string | null;
  },
) {
  await db
    .insertInto('listening_alert_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        in_app: row.in_app,
        email_to: row.email_to,
        webhook_url: row.webhook_url,
        webhook_secret: row.webhook_secret,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** Records the deliveries of one spike's alert, once per spike and channel: a redelivered event adds nothing. */
export async function insertDeliveries(
  db: Db,
  rows: {
    id: string;
    org_id: string;
    spike_id: string;
    channel: AlertChannelName;
    event_id: number;
    alert: string;
  }[],
) {
  if (rows.length === 0) return 0;
  const r = await db
    .insertInto('listening_alert_deliveries')
    .values(rows)
    .onConflict((oc) => oc.columns(['spike_id', 'channel']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Claims due deliveries: each gets an attempt and a lease (its next attempt moved past the send), so two
 * sweeps or two processes never send one at once.
 */
export async function claimDue(db: Db, now: Date, limit: number, leaseSeconds: number, orgId?: string) {
  const r = await sql<{
    id: string;
    org_id: string;
    channel: AlertChannelName;
    event_id: string;
    alert: unknown;
    attempts: number;
  }>`
    UPDATE listening_alert_deliveries d
    SET attempts = d.attempts + 1, next_attempt_at = ${now}::timestamptz + make_interval(secs => ${leaseSeconds})
    WHERE d.id IN (
      SELECT id FROM listening_alert_deliveries
      WHERE status = 'pending' AND next_attempt_at <= ${now} ${orgId ? sql`AND org_id = ${orgId}` : sql``}
      ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.org_id, d.channel, d.event_id, d.alert, d.attempts`.execute(db);
  return r.rows.map((row) => ({ ...row, event_id: Number(row.event_id) }));
}

export async function markSent(db: Db, id: string) {
  await db
    .updateTable('listening_alert_deliveries')
    .set({ status: 'sent', sent_at: new Date(), last_error: null })
    .where('id', '=', id)
    .execute();
}

/** A failed try: retried at `retryAt`, or given up (failed) when null. */
export async function markFailed(db: Db, id: string, error: string, retryAt: Date | null) {
  await db
    .updateTable('listening_alert_deliveries')
    .set(
      retryAt === null
        ? { status: 'failed', last_error: error }
        : { last_error: error, next_attempt_at: retryAt },
    )
    .where('id', '=', id)
    .execute();
}

export function deliveriesOf(db: Db, orgId: string, limit: number) {
  return db
    .selectFrom('listening_alert_deliveries')
    .select([
      'id',
      'spike_id',
      'channel',
      'status',
      'attempts',
      'next_attempt_at',
      'last_error',
      'sent_at',
      'created_at',
    ])
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('channel')
    .limit(limit)
    .execute();
}
