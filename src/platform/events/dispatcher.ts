import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';
import type { DomainEvent, EventType } from './event-map.ts';
import { type ClaimedDelivery, claimDelivery, deleteDelivery, recordDeliveryFailure } from './outbox.repo.ts';
import type { EventBus } from './outbox.ts';

export type DispatcherOptions = {
  /** Attempts before a delivery is parked as dead (visible in `souk events`). */
  maxAttempts?: number;
  pollIntervalMs?: number;
  /** Parallel delivery loops; on PGlite one is all the single connection allows. */
  workers?: number;
};

/** Backoff after the n-th failure: 1 s, 2 s, 4 s … capped at 10 minutes. */
export const backoffMs = (attempts: number) => Math.min(1000 * 2 ** (attempts - 1), 600_000);

/**
 * Delivers outbox events to their subscribers after commit. Each delivery runs in its own transaction with
 * the handler's writes, claimed with FOR UPDATE SKIP LOCKED so several server processes can share the work,
 * and never ahead of an earlier pending delivery of the same aggregate to the same subscriber.
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

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly log: Pick<FastifyBaseLogger, 'error' | 'warn'>,
    options: DispatcherOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.workers = options.workers ?? 1;
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
    while (await this.deliverOne()) count++;
    return count;
  }

  private wake(): void {
    this.wakeRequested = true;
    for (const sleeper of this.sleepers) sleeper();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let delivered = false;
      try {
        delivered = await this.deliverOne();
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

  private async deliverOne(): Promise<boolean> {
    const afterCommit: (() => void)[] = [];
    let current = undefined as ClaimedDelivery | undefined;
    try {
      await this.db.transaction().execute(async (trx) => {
        const row = await claimDelivery(trx);
        if (!row) return;
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
        await deleteDelivery(trx, { subscriber: row.subscriber, eventId: row.event_id });
      });
    } catch (err) {
      if (!current) throw err;
      // The handler's writes rolled back with the transaction; count the failure and schedule a retry.
      await this.recordFailure(current, err);
      return true;
    }
    for (const fn of afterCommit) fn();
    return current !== undefined;
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
