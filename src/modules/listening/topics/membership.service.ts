import { parseQuery, QuerySyntaxError } from '../../../lib/listening/index.ts';
import { type Executor, ownTables } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import { newId } from '../../../platform/ids.ts';
import type { ListeningTables } from '../listening.tables.ts';
import { countMentions } from '../mentions/bulk.repo.ts';
import * as repo from './membership.repo.ts';
import { matchOf } from './topic-query.repo.ts';
import { topicById, topicsOf } from './topics.repo.ts';

/** Mentions one backfill chunk applies a query to (one transaction, one outbox delivery). */
export const BACKFILL_CHUNK = 5000;
/** Membership rows of a deleted topic removed per outbox delivery. */
const FORGET_CHUNK = 20_000;

/** A stored query as a SQL condition; null if it no longer parses (it was checked when written). */
function compiled(query: string) {
  try {
    return matchOf(parseQuery(query));
  } catch (err) {
    if (err instanceof QuerySyntaxError) return null;
    throw err;
  }
}

export type BackfillProgress = { status: 'running' | 'done'; done: number; total: number };

/**
 * Topic and tag membership, stored once: new mentions are tagged in the transaction that stores them (every query
 * run as SQL over just that batch); a new or changed query is applied to the mentions stored before it by a
 * backfill, one chunk by id per outbox delivery, so progress is kept, a restart resumes it, and a chunk that runs
 * twice changes nothing.
 */
export function createMembership({ events }: { events: EventBus }) {
  const own = (trx: Executor) => ownTables<ListeningTables>(trx);

  /** Tags these just-stored mentions of a brand with every topic and tag whose query they match. */
  async function tagBatch(trx: Executor, orgId: string, mentionIds: string[]) {
    if (mentionIds.length === 0) return 0;
    await repo.lockTopics(own(trx), orgId, 'share');
    const taggers = (await topicsOf(own(trx), orgId, 'all')).flatMap((t) => {
      const match = compiled(t.query);
      return match ? [{ id: t.id, match }] : [];
    });
    return repo.tagMentions(own(trx), orgId, taggers, { ids: mentionIds });
  }

  /** Applies the next chunk of run `runId` of a topic's backfill; queues the one after it, if any. */
  async function runChunk(trx: Executor, orgId: string, topicId: string, runId: string) {
    const db = own(trx);
    const backfill = await repo.backfillForUpdate(db, orgId, topicId);
    if (!backfill || backfill.run_id !== runId || backfill.status === 'done') return;
    const topic = await topicById(db, orgId, topicId);
    const match = topic ? compiled(topic.query) : null;
    const chunk = await repo.nextChunk(db, orgId, backfill.after_id, BACKFILL_CHUNK);
    if (chunk && match)
      await repo.tagMentions(db, orgId, [{ id: topicId, match }], {
        afterId: backfill.after_id,
        throughId: chunk.throughId,
      });
    const done = backfill.done + (chunk?.size ?? 0);
    const finished = !chunk || chunk.size < BACKFILL_CHUNK || !match;
    await repo.advanceBackfill(db, topicId, {
      after_id: chunk?.throughId ?? backfill.after_id,
      done: finished ? Math.max(done, backfill.total) : done,
      total: Math.max(done, backfill.total),
      finished,
    });
    if (!finished) await events.emit(trx, 'listening.backfill_chunk', topicId, { orgId, topicId, runId });
  }

  // A deleted topic's membership rows go in chunks after the request (a big topic has hundreds of thousands):
  // nothing reads the rows of a topic that is gone, and a new topic never reuses its id.
  events.subscribe('listening.forget', 'listening.membership_forget', async (event, ctx) => {
    const { orgId, topicId } = event.payload;
    if ((await repo.forgetChunk(own(ctx.trx), orgId, topicId, FORGET_CHUNK)) === FORGET_CHUNK)
      await events.emit(ctx.trx, 'listening.membership_forget', topicId, { orgId, topicId });
  });

  events.subscribe('listening.backfill', 'listening.backfill_chunk', (event, ctx) =>
    runChunk(ctx.trx, event.payload.orgId, event.payload.topicId, event.payload.runId),
  );

  return {
    tagBatch,
    /** Tags every stored mention of a brand with all its topics and tags at once (bulk loads, benchmarks). */
    async tagAll(trx: Executor, orgId: string) {
      const taggers = (await topicsOf(own(trx), orgId, 'all')).flatMap((t) => {
        const match = compiled(t.query);
        return match ? [{ id: t.id, match }] : [];
      });
      return repo.tagMentions(own(trx), orgId, taggers, { afterId: null, throughId: null });
    },
    /**
     * (Re)applies a topic's query to every stored mention of its brand, in the caller's transaction: its old
     * memberships go, the first chunk runs now (a small brand's topic is complete when the request returns), the
     * rest through the outbox.
     */
    async backfill(trx: Executor, orgId: string, topicId: string) {
      const db = own(trx);
      await repo.lockTopics(db, orgId, 'exclusive');
      await repo.clearMembership(db, orgId, topicId);
      const runId = newId();
      await repo.startBackfill(db, {
        topic_id: topicId,
        org_id: orgId,
        run_id: runId,
        total: await countMentions(db, orgId),
      });
      await runChunk(trx, orgId, topicId, runId);
    },
    /**
     * Forgets a topic's memberships, in the caller's transaction that deletes it: its rollup at once (the topic's
     * rows go with it), its membership rows through the outbox, in chunks.
     */
    async forget(trx: Executor, orgId: string, topicId: string) {
      await repo.lockTopics(own(trx), orgId, 'exclusive');
      await events.emit(trx, 'listening.membership_forget', topicId, { orgId, topicId });
    },
    /** Each topic's or tag's backfill progress, by topic id. */
    async progressOf(trx: Executor, orgId: string) {
      const rows = await repo.backfillsOf(own(trx), orgId);
      return new Map<string, BackfillProgress>(
        rows.map((r) => [r.topic_id, { status: r.status, done: r.done, total: r.total }]),
      );
    },
  };
}

export type Membership = ReturnType<typeof createMembership>;
