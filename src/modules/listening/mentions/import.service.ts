import pLimit from 'p-limit';
import {
  type ByteSource,
  type ColumnMapping,
  ImportFileError,
  type ImportFormat,
  type RawMention,
  readMentions,
} from '../../../lib/listening/index.ts';
import { sharedTriagePool, type TriagePool, type TriageResult } from '../../../lib/triage/index.ts';
import { type Db, isDeadlock, ownTables } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import { listeningError } from '../listening.errors.ts';
import type { ImportLineError, ListeningTables } from '../listening.tables.ts';
import type { Membership } from '../topics/membership.service.ts';
import { topicsOf } from '../topics/topics.repo.ts';
import * as repo from './mentions.repo.ts';

/** Which network a format's mentions come from: the (org, source, external id) triple stores a mention once. */
export const SOURCE_OF: Record<ImportFormat, string> = {
  twcs: 'twitter',
  'tweets-js': 'twitter',
  'mastodon-outbox': 'mastodon',
  jetstream: 'bluesky',
  csv: 'csv',
  jsonl: 'jsonl',
};

const BATCH = 1000;
/** Batches being triaged or stored at once: the threads triage the next ones while the database stores others. */
const IN_FLIGHT = 4;
/** Batches stored at once. */
const STORERS = 2;
/** Line reports kept with an import (all are counted). */
const KEPT_ERRORS = 1000;

export type ImportRequest = {
  format: ImportFormat;
  mapping?: ColumnMapping;
  author?: string;
  fileName?: string | null;
  /** Called after each stored batch with the running counts. */
  onProgress?: (counts: ImportCounts) => void;
};
export type ImportCounts = { imported: number; duplicates: number; ignored: number; errorCount: number };

/** A brand's product and competitor names, which triage finds in each mention. */
export async function triageOptionsFor(db: Db, orgId: string) {
  const topics = await topicsOf(ownTables<ListeningTables>(db), orgId);
  return {
    products: topics.filter((t) => t.kind === 'product').map((t) => t.name),
    competitors: topics.filter((t) => t.kind === 'competitor').map((t) => t.name),
  };
}

/** The stored row of a mention with its triage. */
export function mentionRow(
  orgId: string,
  source: string,
  m: RawMention,
  t: TriageResult,
  importId: string | null,
) {
  return {
    id: newId(),
    org_id: orgId,
    source,
    external_id: m.externalId,
    post_id: null,
    text: m.text,
    author_handle: m.authorHandle,
    author_followers: m.authorFollowers,
    language: m.language ?? t.language,
    posted_at: m.postedAt,
    url: m.url,
    in_reply_to: m.inReplyTo,
    reshares: m.reshares,
    hashtags: m.hashtags,
    mentions: m.mentions,
    has_link: m.hasLink,
    sentiment: t.sentiment,
    intent: t.intent,
    products: t.products ?? [],
    competitors: t.competitors ?? [],
    import_id: importId,
  };
}

/**
 * Imports a file of mentions for a brand, streamed in batches: each mention triaged and stored once (a re-run
 * stores nothing twice), each unreadable line reported with its number and reason and skipped. A file that
 * cannot be read at all stops with `unreadable_file`; what was stored before the problem stays.
 */
export function createImportService({
  db,
  triagePool,
  membership,
}: {
  db: Db;
  triagePool?: TriagePool;
  membership: Pick<Membership, 'tagBatch'>;
}) {
  const pool = triagePool ?? sharedTriagePool();
  const own = ownTables<ListeningTables>(db);

  /**
   * Stores a batch with its topic and tag memberships, or nothing of it; returns how many mentions were new. Two
   * batches stored at once that share a mention (a file with a line twice) may each wait on the other: the database
   * aborts one, which is stored again.
   */
  async function storeBatch(orgId: string, rows: ReturnType<typeof mentionRow>[]): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute(async (trx) => {
          const n = await repo.insertMentions(ownTables<ListeningTables>(trx), rows);
          if (n > 0)
            await membership.tagBatch(
              trx,
              orgId,
              rows.map((r) => r.id),
            );
          return n;
        });
      } catch (err) {
        if (attempt >= 3 || !isDeadlock(err)) throw err;
      }
    }
  }

  async function run(orgId: string, userId: string | null, source: ByteSource, request: ImportRequest) {
    if ((request.format === 'csv' || request.format === 'jsonl') && !request.mapping)
      throw listeningError('missing_mapping', 'Give a column mapping (id, text, createdAt at least)', [
        { field: 'mapping', message: 'is required for this format' },
      ]);
    const id = newId();
    await repo.insertImport(own, {
      id,
      org_id: orgId,
      format: request.format,
      file_name: request.fileName ?? null,
      started_by: userId,
    });
    const sourceName = SOURCE_OF[request.format];
    const options = await triageOptionsFor(db, orgId);
    const counts: ImportCounts = { imported: 0, duplicates: 0, ignored: 0, errorCount: 0 };
    const errors: ImportLineError[] = [];
    let batch: RawMention[] = [];
    const seen = new Set<string>();

    // Triage runs in the pool's threads while earlier batches are stored, and two batches are stored at once (on
    // PostgreSQL each has its own connection, so the database is never left waiting on this process).
    const storing = pLimit(STORERS);
    const inFlight: Promise<void>[] = [];
    let progress: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (batch.length === 0) return;
      const mentions = batch;
      batch = [];
      seen.clear();
      const triaged = pool.triageMany(
        mentions.map((m) => m.text),
        options,
      );
      const stored = storing(async () => {
        const results = await triaged;
        const rows = mentions.map((m, i) => mentionRow(orgId, sourceName, m, results[i], id));
        const added = await storeBatch(orgId, rows);
        counts.imported += added;
        counts.duplicates += rows.length - added;
        const snapshot = { ...counts };
        const reported = report();
        // Progress is written in the order batches finish, so it never goes back.
        progress = progress.then(async () => {
          await repo.updateImport(own, id, { ...reported, status: 'running' });
          request.onProgress?.(snapshot);
        });
        await progress;
      });
      stored.catch(() => {});
      inFlight.push(stored);
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    };
    // Every batch in flight settles before the first failure is thrown.
    const drain = async () => {
      await flush();
      const failed = (await Promise.allSettled(inFlight.splice(0))).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    };
    const report = () => ({
      imported: counts.imported,
      duplicates: counts.duplicates,
      ignored: counts.ignored,
      error_count: counts.errorCount,
      errors: [...errors].sort((a, b) => a.line - b.line),
    });

    try {
      for await (const item of readMentions(source, request.format, {
        mapping: request.mapping,
        author: request.author,
      })) {
        if (item.kind === 'error') {
          counts.errorCount++;
          if (errors.length < KEPT_ERRORS) errors.push({ line: item.line, reason: item.reason });
        } else if (item.kind === 'ignored') counts.ignored++;
        else if (seen.has(item.mention.externalId)) counts.duplicates++;
        else {
          seen.add(item.mention.externalId);
          batch.push(item.mention);
          if (batch.length >= BATCH) await flush();
        }
      }
      await drain();
    } catch (err) {
      const failure =
        err instanceof ImportFileError
          ? `${err.line ? `line ${err.line}: ` : ''}${err.message}`
          : err instanceof Error && /csv|json/i.test(err.message)
            ? err.message
            : null;
      if (failure === null) {
        // Batches still being stored finish first, so none writes its progress over the failure.
        await Promise.allSettled(inFlight.splice(0));
        await progress.catch(() => {});
        await repo.updateImport(own, id, {
          ...report(),
          status: 'failed',
          failure: 'stopped by an internal error',
          finished_at: new Date(),
        });
        throw err;
      }
      await drain().catch(() => {});
      await Promise.allSettled(inFlight.splice(0));
      await progress.catch(() => {});
      await repo.updateImport(own, id, { ...report(), status: 'failed', failure, finished_at: new Date() });
      throw listeningError(
        'unreadable_file',
        `${failure} (import ${id}: ${counts.imported} mentions stored before it; importing the file again is safe)`,
        [
          {
            field: 'file',
            message: failure,
            ...(err instanceof ImportFileError && err.line ? { line: err.line } : {}),
          },
        ],
      );
    }
    await repo.updateImport(own, id, { ...report(), status: 'done', finished_at: new Date() });
    return (await repo.importById(own, orgId, id))!;
  }

  return {
    run,
    async get(orgId: string, id: string) {
      const found = await repo.importById(own, orgId, id);
      if (!found) throw listeningError('import_not_found', 'No import with that id for this brand');
      return found;
    },
    list: (orgId: string) => repo.importsOf(own, orgId, 50),
  };
}

export type ImportService = ReturnType<typeof createImportService>;
