import { Command } from 'commander';
import { eventBacklog, recentFailures, retryDead } from '../platform/events/outbox.repo.ts';
import { withDatabase } from './main.ts';

export function eventsCommand(): Command {
  return new Command('events')
    .description('show the event outbox: pending deliveries per subscriber, and failures')
    .option('--retry-dead', 'requeue deliveries that gave up after their last attempt', false)
    .action((opts: { retryDead: boolean }) =>
      withDatabase(async ({ db }) => {
        if (opts.retryDead) console.log(`requeued ${await retryDead(db)} dead deliveries`);
        const backlog = await eventBacklog(db);
        if (backlog.length === 0)
          console.log('no pending or failed deliveries: every event has been handled');
        for (const row of backlog) {
          const age = row.oldest_pending
            ? `, oldest ${Math.round((Date.now() - row.oldest_pending.getTime()) / 1000)} s old`
            : '';
          console.log(`${row.subscriber}: ${row.pending} pending${age}, ${row.dead} dead`);
        }
        const failures = await recentFailures(db, 20);
        if (failures.length) console.log('\nrecent failures:');
        for (const f of failures) {
          console.log(
            `  #${f.event_id} ${f.type} → ${f.subscriber}: ${f.status}, ${f.attempts} attempts, next ${f.next_attempt_at.toISOString()}: ${f.last_error}`,
          );
        }
      }),
    );
}
