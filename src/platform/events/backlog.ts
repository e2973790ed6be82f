import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

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
