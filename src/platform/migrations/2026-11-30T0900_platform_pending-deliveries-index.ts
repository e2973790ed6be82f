import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// The dispatcher claims the oldest pending delivery (ORDER BY event_id). Without an index in that order the
// planner walked outbox_events from its first event ever, which grows forever (see BENCHMARKS.md, care ingest).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `CREATE INDEX event_deliveries_pending ON event_deliveries (event_id) WHERE status = 'pending';`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP INDEX event_deliveries_pending;');
}
