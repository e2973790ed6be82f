import type { Db, Executor } from '../db/database.ts';
import type { DomainEvent, EventMap, EventType } from './event-map.ts';
import { insertEvent } from './outbox.repo.ts';

export type HandlerContext = {
  /**
   * The transaction the delivery runs in: the handler's writes commit with the delivery's acknowledgement.
   * Every query of the handler must use it (on PGlite's single connection, a query on `db` would wait forever).
   */
  trx: Executor;
  /** Runs after that transaction commits, e.g. to push a live update; never inside it. */
  afterCommit(fn: () => void): void;
};

export type Handler<K extends EventType> = (event: DomainEvent<K>, ctx: HandlerContext) => Promise<void>;

type Registration = { subscriber: string; handler: Handler<EventType> };

/**
 * The transactional outbox. `emit` writes the event and one delivery row per subscriber in the caller's
 * transaction, so an event exists exactly when the change that caused it committed. The dispatcher
 * delivers it later, at least once, in order per aggregate.
 */
export class EventBus {
  private readonly handlers = new Map<EventType, Registration[]>();
  private readonly wakers = new Set<() => void>();

  /** Registers a named, idempotent handler; the name keys its deliveries, so keep it stable. */
  subscribe<K extends EventType>(subscriber: string, type: K, handler: Handler<K>): void {
    const list = this.handlers.get(type) ?? [];
    if (list.some((r) => r.subscriber === subscriber))
      throw new Error(`${subscriber} already handles ${type}`);
    list.push({ subscriber, handler: handler as Handler<EventType> });
    this.handlers.set(type, list);
  }

  /** Names of the subscribers of a type, for writers that emit in the database (platform_emit_events). */
  subscribersOf(type: EventType): string[] {
    return (this.handlers.get(type) ?? []).map((r) => r.subscriber);
  }

  handlerFor(type: EventType, subscriber: string): Handler<EventType> | undefined {
    return this.handlers.get(type)?.find((r) => r.subscriber === subscriber)?.handler;
  }

  async emit<K extends EventType>(
    trx: Executor,
    type: K,
    aggregateId: string,
    payload: EventMap[K],
  ): Promise<void> {
    await insertEvent(trx, { type, aggregateId, payload }, this.subscribersOf(type));
  }

  /**
   * Runs `fn` in a transaction on `db` and, once it committed, wakes the dispatchers: the way every service
   * writes state and the events about it together.
   */
  async transaction<T>(db: Db, fn: (trx: Executor) => Promise<T>): Promise<T> {
    const result = await db.transaction().execute(fn);
    this.wake();
    return result;
  }

  /** Tells dispatchers in this process that new events committed; they also poll, for other processes. */
  wake(): void {
    for (const w of this.wakers) w();
  }

  onWake(fn: () => void): () => void {
    this.wakers.add(fn);
    return () => this.wakers.delete(fn);
  }
}
