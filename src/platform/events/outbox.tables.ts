import type { ColumnType, Generated } from 'kysely';

export interface OutboxEventsTable {
  id: Generated<number>;
  type: string;
  aggregate_id: string;
  payload: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
}

export interface EventDeliveriesTable {
  subscriber: string;
  event_id: number;
  aggregate_id: string;
  status: Generated<'pending' | 'dead'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
}

export type OutboxTables = { outbox_events: OutboxEventsTable; event_deliveries: EventDeliveriesTable };
