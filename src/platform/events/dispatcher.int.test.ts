import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/test-db.ts';
import type { DbHandle } from '../db/kysely.ts';
import { backoffMs, Dispatcher } from './dispatcher.ts';
import { eventBacklog, retryDead } from './outbox.repo.ts';
import { EventBus } from './outbox.ts';

const silent = { error: () => {}, warn: () => {} };
let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const emitFollow = (bus: EventBus, follower: string, followee: string) =>
  handle.db
    .transaction()
    .execute((trx) =>
      bus.emit(trx, 'account.followed', follower, { followerId: follower, followeeId: followee }),
    );

describe('event outbox and dispatcher', () => {
  it('should deliver events in order per aggregate, and none from a rolled-back transaction', async () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.subscribe('test.order', 'account.followed', async (e) => {
      seen.push(`${e.aggregateId}:${e.payload.followeeId}`);
    });
    await emitFollow(bus, 'a', '1');
    await emitFollow(bus, 'b', '1');
    await emitFollow(bus, 'a', '2');
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await bus.emit(trx, 'account.followed', 'a', { followerId: 'a', followeeId: 'never' });
        throw new Error('rolled back');
      })
      .catch(() => {});
    await new Dispatcher(handle.db, bus, silent).drain();
    expect(seen).toEqual(['a:1', 'b:1', 'a:2']);
  });

  it('should retry a failing handler with backoff, hold later events of the same aggregate, and park it as dead', async () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.subscribe('test.flaky', 'account.followed', async (e) => {
      if (e.payload.followeeId === 'bad') throw new Error('downstream unavailable');
      seen.push(`${e.aggregateId}:${e.payload.followeeId}`);
    });
    const dispatcher = new Dispatcher(handle.db, bus, silent, { maxAttempts: 2 });
    await emitFollow(bus, 'x', 'bad');
    await emitFollow(bus, 'x', 'after-bad');
    await emitFollow(bus, 'y', 'other');
    await dispatcher.drain();
    expect(seen).toEqual(['y:other']); // x's second event waits behind its failing first one
    const backlog = (await eventBacklog(handle.db)).find((r) => r.subscriber === 'test.flaky');
    expect(backlog).toMatchObject({ pending: 2, dead: 0 });
    // The batch that held the failing delivery rolled back and ran again one by one: one failure counted, not two.
    const attempts = await handle.db
      .selectFrom('event_deliveries')
      .select('attempts')
      .where('subscriber', '=', 'test.flaky')
      .orderBy('event_id')
      .execute();
    expect(attempts.map((r) => r.attempts)).toEqual([1, 0]);

    // Make the retry due now instead of waiting for the backoff, then let it fail for good.
    await handle.db
      .updateTable('event_deliveries')
      .set({ next_attempt_at: new Date(0) })
      .where('subscriber', '=', 'test.flaky')
      .execute();
    await dispatcher.drain();
    expect((await eventBacklog(handle.db)).find((r) => r.subscriber === 'test.flaky')).toMatchObject({
      dead: 1,
    });
    expect(seen).toEqual(['y:other', 'x:after-bad']); // a dead delivery no longer holds the aggregate back
    expect(await retryDead(handle.db)).toBe(1);
  });

  it('should deliver events emitted in the database in their order per aggregate, to the subscribers named with each', async () => {
    const bus = new EventBus();
    const seen: string[] = [];
    for (const subscriber of ['test.db-one', 'test.db-two'])
      bus.subscribe(subscriber, 'account.followed', async (e) => {
        seen.push(`${subscriber} ${e.aggregateId}:${e.payload.followeeId}`);
      });
    const follow = (follower: string, followee: string, subscribers: string[]) => ({
      type: 'account.followed',
      aggregateId: follower,
      payload: { followerId: follower, followeeId: followee },
      subscribers,
    });
    const events = [
      follow('db-a', '1', ['test.db-one', 'test.db-two']),
      follow('db-b', '1', ['test.db-one']),
      follow('db-a', '2', ['test.db-one', 'test.db-two']),
      follow('db-c', '1', []),
    ];
    await sql`
      SELECT platform_emit_events(array_agg(e->>'type' ORDER BY n), array_agg(e->>'aggregateId' ORDER BY n),
        array_agg(e->'payload' ORDER BY n), array_agg(e->'subscribers' ORDER BY n))
      FROM jsonb_array_elements(${JSON.stringify(events)}::jsonb) WITH ORDINALITY AS x(e, n)`.execute(
      handle.db,
    );
    await new Dispatcher(handle.db, bus, silent).drain();
    expect(seen.filter((s) => s.startsWith('test.db-one'))).toEqual([
      'test.db-one db-a:1',
      'test.db-one db-b:1',
      'test.db-one db-a:2',
    ]);
    expect(seen.filter((s) => s.startsWith('test.db-two'))).toEqual([
      'test.db-two db-a:1',
      'test.db-two db-a:2',
    ]);
    const written = await handle.db
      .selectFrom('outbox_events')
      .select('aggregate_id')
      .where('aggregate_id', 'in', ['db-a', 'db-b', 'db-c'])
      .orderBy('id')
      .execute();
    expect(written.map((r) => r.aggregate_id)).toEqual(['db-a', 'db-b', 'db-a', 'db-c']); // one without subscribers too

    await expect(
      sql`SELECT platform_emit_events(ARRAY['account.followed'], ARRAY['db-d'], ARRAY[]::jsonb[], ARRAY['[]'::jsonb])`.execute(
        handle.db,
      ),
    ).rejects.toThrow(/differ in length/);
  });

  it('should run a batch of deliveries in one transaction and each of them once', async () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.subscribe('test.batch', 'account.followed', async (e) => {
      seen.push(`${e.aggregateId}:${e.payload.followeeId}`);
    });
    for (let i = 0; i < 5; i++) await emitFollow(bus, `p${i}`, 'q');
    await emitFollow(bus, 'p0', 'r'); // behind p0's first event: never in the same batch
    const dispatcher = new Dispatcher(handle.db, bus, silent, { batchSize: 4 });
    expect(await dispatcher.drain()).toBe(6);
    expect(seen).toEqual(['p0:q', 'p1:q', 'p2:q', 'p3:q', 'p4:q', 'p0:r']);
    expect((await eventBacklog(handle.db)).find((r) => r.subscriber === 'test.batch')).toBeUndefined();
  });

  it('should back off exponentially up to ten minutes', () => {
    expect([1, 2, 3, 20].map(backoffMs)).toEqual([1000, 2000, 4000, 600_000]);
  });

  it('should deliver after commit without being asked once started', async () => {
    const bus = new EventBus();
    let delivered = 0;
    bus.subscribe('test.live', 'account.followed', async () => {
      delivered++;
    });
    const dispatcher = new Dispatcher(handle.db, bus, silent, { pollIntervalMs: 10_000 });
    dispatcher.start();
    await emitFollow(bus, 'z', '1');
    bus.wake();
    for (let i = 0; i < 100 && delivered === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await dispatcher.stop();
    expect(delivered).toBe(1);
  });
});
