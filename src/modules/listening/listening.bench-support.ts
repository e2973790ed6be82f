import type { ByteSource, ImportFormat } from '../../lib/listening/index.ts';
import type { TriagePool } from '../../lib/triage/index.ts';
import { type Db, ownTables } from '../../platform/db/database.ts';
import { EventBus } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import type { ListeningTables, TopicKind } from './listening.tables.ts';
import * as bulk from './mentions/bulk.repo.ts';
import { createImportService } from './mentions/import.service.ts';
import { createMembership } from './topics/membership.service.ts';
import * as topicsRepo from './topics/topics.repo.ts';
import { topicBreakdowns, topicPage } from './topics/topics.service.ts';

const DAY = 86_400_000;

/** What `npm run bench:listening` drives: the product's import service and topic-page queries on a bare database. */
export function createListeningBench({ db, triagePool }: { db: Db; triagePool: TriagePool }) {
  const own = ownTables<ListeningTables>(db);
  const membership = createMembership({ events: new EventBus() });
  const imports = createImportService({ db, triagePool, membership });
  const timed = async (samples: number, run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    return times;
  };
  return {
    /** A new brand with these topics; returns its id. */
    async setUp(topics: { name: string; kind: TopicKind; query: string }[]) {
      const orgId = newId();
      for (const t of topics) await topicsRepo.insertTopic(own, { id: newId(), org_id: orgId, ...t });
      return orgId;
    },
    importFile: (orgId: string, source: ByteSource, format: ImportFormat) =>
      imports.run(orgId, null, source, { format }),
    count: (orgId: string) => bulk.countMentions(own, orgId),
    /** Copies mentions to another brand and tags them with its topics (as a finished backfill would). */
    async copyMentions(from: string, to: string, limit: number) {
      await bulk.copyMentions(own, from, to, limit);
      await membership.tagAll(db, to);
    },
    /** The brand topic's count, 90-day daily series and share of voice, `samples` times; the last count. */
    async topicPageTimes(orgId: string, end: Date, samples: number) {
      const topics = await topicsRepo.topicsOf(own, orgId);
      const brand = topics.find((t) => t.kind === 'brand')!;
      const window = { orgId, from: new Date(end.getTime() - 90 * DAY), to: end };
      let count = 0;
      const times = await timed(samples, async () => {
        count = (await topicPage(own, window, brand, topics, 'day')).count;
      });
      return { times, count };
    },
    /** The whole page a member opens (the above plus intents, languages, authors, hashtags, terms), `samples` times. */
    async wholePageTimes(orgId: string, end: Date, samples: number) {
      const topics = await topicsRepo.topicsOf(own, orgId);
      const brand = topics.find((t) => t.kind === 'brand')!;
      const window = { orgId, from: new Date(end.getTime() - 90 * DAY), to: end };
      return timed(samples, () =>
        Promise.all([topicPage(own, window, brand, topics, 'day'), topicBreakdowns(own, window, brand)]),
      );
    },
    rawCountTimes: (orgId: string, end: Date, samples: number) =>
      timed(samples, () => bulk.countWindow(own, orgId, new Date(end.getTime() - 90 * DAY), end)),
  };
}
