import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';
import type { DomainEvent, EventType } from './event-map.ts';
import {
  type ClaimedDelivery,
  claimDeliveries,
  deleteDeliveries,
  recordDeliveryFailure,
} from './outbox.repo.ts';
import type { EventBus } from './outbox.ts';

export type DispatcherOptions = {
  /** Attempts before a delivery is parked as dead (visible in `souk events`). */
  maxAttempts?: number;
  pollIntervalMs?: number;
  /** Parallel delivery loops; on PGlite one is all the single connection allows. */
  workers?: number;
  /** Deliveries claimed and run in one transaction (default 32). */
  batchSize?: number;
};

/** Backoff after the n-th failure: 1 s, 2 s, 4 s … capped at 10 minutes. */
export const backoffMs = (attempts: number) => Math.min(1000 * 2 ** (attempts - 1), 600_000);

/**
 * Delivers outbox events to their subscribers after commit. Deliveries are claimed in batches with FOR UPDATE SKIP
 * LOCKED, so several server processes can share the work, and never ahead of an earlier pending delivery of the same
 * aggregate to the same subscriber. A batch runs its handlers and acknowledges them in one transaction with their
 * writes: one claim, one acknowledgement and one commit for many deliveries, which matters most on PGlite, whose
 * single connection the deliveries share with every request. When a handler fails, the batch rolls back and its
 * deliveries run again one at a time, so only the failing one is counted as failed and retried.
 */
export class Dispatcher {
  private running = false;
  /** The loops asleep until the next poll; a wake-up ends every one of them. */
  private readonly sleepers = new Set<() => void>();
  /** Set by a wake-up, so a loop that was claiming when it came does not go to sleep on it. */
  private wakeRequested = false;
  private loops: Promise<void>[] = [];
  private readonly maxAttempts: number;
  private readonly pollIntervalMs: number;
  private readonly workers: number;
  private readonly batchSize: number;
  /** Deliveries still to run one at a time after a batch failed. */
  private singles = 0;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly log: Pick<FastifyBaseLogger, 'error' | 'warn'>,
    options: DispatcherOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.workers = options.workers ?? 1;
    this.batchSize = options.batchSize ?? 32;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const unsubscribe = this.bus.onWake(() => this.wake());
    this.loops = Array.from({ length: this.workers }, () => this.loop());
    void Promise.all(this.loops).finally(unsubscribe);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.loops);
  }

  /** Delivers everything that is due now; returns how many deliveries ran. Tests and the CLI call this. */
  async drain(): Promise<number> {
    let count = 0;
    for (let n = await this.deliverBatch(); n > 0; n = await this.deliverBatch()) count += n;
    return count;
  }

  private wake(): void {
    this.wakeRequested = true;
    for (const sleeper of this.sleepers) sleeper();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let delivered = 0;
      try {
        delivered = await this.deliverBatch();
      } catch (err) {
        this.log.error({ err }, 'event dispatcher failed to claim a delivery');
      }
      if (!delivered && this.running && !this.wakeRequested) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.sleepers.add(done);
    });
  }

  /** Claims and runs a batch of due deliveries; returns how many ran (failures included). */
  private async deliverBatch(): Promise<number> {
    const single = this.singles > 0;
    const afterCommit: (() => void)[] = [];
    let claimed: ClaimedDelivery[] = [];
    let current = undefined as ClaimedDelivery | undefined;
    try {
      await this.db.transaction().execute(async (trx) => {
        claimed = await claimDeliveries(trx, single ? 1 : this.batchSize);
        for (const row of claimed) {
          current = row;
          const handler = this.bus.handlerFor(row.type as EventType, row.subscriber);
          if (!handler) throw new Error(`no handler ${row.subscriber} for ${row.type} in this process`);
          const event: DomainEvent = {
            id: row.event_id,
            type: row.type as EventType,
            aggregateId: row.aggregate_id,
            payload: row.payload as DomainEvent['payload'],
            createdAt: row.created_at,
          };
          await handler(event, { trx, afterCommit: (fn) => afterCommit.push(fn) });
        }
        if (claimed.length > 0) await deleteDeliveries(trx, claimed);
      });
    } catch (err) {
      if (!current) throw err;
      if (single) {
        // The handler's writes rolled back with the transaction; count the failure and schedule a retry.
        this.singles--;
        await this.recordFailure(current, err);
        return 1;
      }
      // Everything the batch wrote rolled back: run its deliveries again one by one to find the failing one.
      this.singles = claimed.length;
      return this.deliverBatch();
    }
    if (single && claimed.length > 0) this.singles--;
    for (const fn of afterCommit) fn();
    return claimed.length;
  }

  private async recordFailure(row: ClaimedDelivery, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    {
      const attempts = row.attempts + 1;
      const dead = attempts >= this.maxAttempts;
      this.log[dead ? 'error' : 'warn'](
        { subscriber: row.subscriber, eventId: row.event_id, attempts, err: message },
        dead ? 'event delivery gave up' : 'event delivery failed; will retry',
      );
      await recordDeliveryFailure(
        this.db,
        { subscriber: row.subscriber, eventId: row.event_id },
        {
          attempts,
          lastError: message.slice(0, 2000),
          dead,
          nextAttemptAt: new Date(Date.now() + backoffMs(attempts)),
        },
      );
    }
  }
}
