import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

// All SQL of the outbox tables (outbox_events, event_deliveries) written from TypeScript. The one other writer is
// the database function platform_emit_events (emit-events.function.sql beside this file), for writers that run in
// the database themselves (the checkout batch).

/** A delivery claimed by the dispatcher, with its event. */
export type ClaimedDelivery = {
  subscriber: string;
  event_id: number;
  attempts: number;
  type: string;
  aggregate_id: string;
  payload: unknown;
  created_at: Date;
};

/**
 * Writes one event and a pending delivery of it per subscriber, in one statement (one round trip on the caller's
 * transaction); the event's id orders it after every event committed before.
 */
export async function insertEvent(
  trx: Executor,
  event: { type: string; aggregateId: string; payload: unknown },
  subscribers: string[],
): Promise<void> {
  await sql`
    WITH event AS (
      INSERT INTO outbox_events (type, aggregate_id, payload)
      VALUES (${event.type}, ${event.aggregateId}, ${JSON.stringify(event.payload)}::jsonb)
      RETURNING id, aggregate_id
    )
    INSERT INTO event_deliveries (subscriber, event_id, aggregate_id)
    SELECT s.subscriber, event.id, event.aggregate_id
    FROM event, unnest(${subscribers}::text[]) AS s(subscriber)
  `.execute(trx);
}

/**
 * The oldest due deliveries, up to `limit`, locked. The deliveries are chosen first, by the partial index of
 * pending deliveries in event order, and only then joined to their event: driven from outbox_events instead, which
 * keeps every event ever, a claim grew with the table's history. A delivery never goes ahead of an earlier pending
 * delivery of the same aggregate to the same subscriber (so one claim holds at most one of each such pair); a locked
 * one is skipped, so several dispatchers share the work.
 */
export async function claimDeliveries(trx: Executor, limit: number): Promise<ClaimedDelivery[]> {
  const { rows } = await sql<ClaimedDelivery>`
    SELECT d.subscriber, d.event_id, d.attempts, e.type, e.aggregate_id, e.payload, e.created_at
    FROM (
      SELECT d.subscriber, d.event_id, d.attempts
      FROM event_deliveries d
      WHERE d.status = 'pending' AND d.next_attempt_at <= now()
        AND NOT EXISTS (
          SELECT 1 FROM event_deliveries p
          WHERE p.subscriber = d.subscriber AND p.aggregate_id = d.aggregate_id
            AND p.event_id < d.event_id AND p.status = 'pending')
      ORDER BY d.event_id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) d
    JOIN outbox_events e ON e.id = d.event_id
    ORDER BY d.event_id, d.subscriber`.execute(trx);
  return rows;
}

/** Acknowledges deliveries: they ran, so they leave the queue. */
export async function deleteDeliveries(
  trx: Executor,
  deliveries: { subscriber: string; event_id: number }[],
): Promise<void> {
  await sql`
    DELETE FROM event_deliveries d
    USING unnest(${deliveries.map((r) => r.subscriber)}::text[], ${deliveries.map((r) => r.event_id)}::bigint[])
      AS done(subscriber, event_id)
    WHERE d.subscriber = done.subscriber AND d.event_id = done.event_id`.execute(trx);
}

/** Records a failed attempt: due again at `nextAttemptAt`, or parked as dead. */
export async function recordDeliveryFailure(
  db: Executor,
  delivery: { subscriber: string; eventId: number },
  failure: { attempts: number; lastError: string; dead: boolean; nextAttemptAt: Date },
): Promise<void> {
  await db
    .updateTable('event_deliveries')
    .set({
      attempts: failure.attempts,
      last_error: failure.lastError,
      status: failure.dead ? 'dead' : 'pending',
      next_attempt_at: failure.nextAttemptAt,
    })
    .where('subscriber', '=', delivery.subscriber)
    .where('event_id', '=', delivery.eventId)
    .execute();
}

export type BacklogRow = { subscriber: string; pending: number; dead: number; oldest_pending: Date | null };

/** Pending and dead deliveries per subscriber: what `souk events` shows. */
export async function eventBacklog(db: Executor): Promise<BacklogRow[]> {
  return db
    .selectFrom('event_deliveries')
    .select([
      'subscriber',
      sql<number>`count(*) FILTER (WHERE status = 'pending')::int`.as('pending'),
      sql<number>`count(*) FILTER (WHERE status = 'dead')::int`.as('dead'),
      sql<Date | null>`min(e.created_at) FILTER (WHERE status = 'pending')`.as('oldest_pending'),
    ])
    .innerJoin('outbox_events as e', 'e.id', 'event_deliveries.event_id')
    .groupBy('subscriber')
    .orderBy('subscriber')
    .execute();
}

/** The newest deliveries that failed at least once, still pending or dead. */
export function recentFailures(db: Executor, limit: number) {
  return db
    .selectFrom('event_deliveries as d')
    .innerJoin('outbox_events as e', 'e.id', 'd.event_id')
    .select([
      'd.subscriber',
      'd.event_id',
      'e.type',
      'd.status',
      'd.attempts',
      'd.last_error',
      'd.next_attempt_at',
    ])
    .where('d.attempts', '>', 0)
    .orderBy('d.event_id', 'desc')
    .limit(limit)
    .execute();
}

/** Puts dead deliveries back in the queue, e.g. after fixing the handler that failed them. */
export async function retryDead(db: Executor): Promise<number> {
  const result = await db
    .updateTable('event_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: new Date() })
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
