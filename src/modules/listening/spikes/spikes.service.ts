import {
  DEFAULT_SPIKE_OPTIONS,
  detectSpikes,
  HOURS_PER_WEEK,
  overrepresented,
} from '../../../lib/listening/index.ts';
import { type Db, ownTables } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { ListeningTables, SpikeExplanation } from '../listening.tables.ts';
import { matchOf } from '../topics/topic-query.repo.ts';
import { topHashtags, topTerms } from '../topics/topics.repo.ts';
import { parseTopicQuery, STOP_WORDS, type TopicsService } from '../topics/topics.service.ts';
import * as repo from './spikes.repo.ts';

const HOUR = 3600_000;
/** Spikes are looked for in the last week; the baseline is the four weeks before each hour. */
const RECENT_HOURS = HOURS_PER_WEEK;
const HISTORY_HOURS = DEFAULT_SPIKE_OPTIONS.weeks * HOURS_PER_WEEK + 2;
/** The explanation compares the spike with the four weeks before it (the weeks the detector's baseline uses). */
const BEFORE_HOURS = DEFAULT_SPIKE_OPTIONS.weeks * HOURS_PER_WEEK;
/** How much of each window the explanation compares (the commonest features of each). */
const FEATURES = { terms: 400, hashtags: 100, authors: 300 };

type Topic = { id: string; org_id: string; name: string; query: string };

/**
 * Spikes, found by a sweep (and on demand) per topic against the topic's own same-hour-of-week baseline, stored
 * with why they happened: the terms, hashtags and authors over-represented against the four weeks before, and the most
 * reshared mention. A new spike is announced on the outbox (`listening.spike_detected`) for alert channels.
 */
export function createSpikesService({
  db,
  events,
  topics,
}: {
  db: Db;
  events: EventBus;
  topics: TopicsService;
}) {
  const own = ownTables<ListeningTables>(db);

  async function explain(orgId: string, match: ReturnType<typeof matchOf>, from: Date, to: Date) {
    const spike = { orgId, from, to };
    const before = { orgId, from: new Date(from.getTime() - BEFORE_HOURS * HOUR), to: from };
    const counts = async (w: typeof spike) => {
      const [terms, hashtags, authors] = await Promise.all([
        topTerms(own, w, match, STOP_WORDS, FEATURES.terms),
        topHashtags(own, w, match, FEATURES.hashtags),
        repo.authorCounts(own, w, match, FEATURES.authors),
      ]);
      const asMap = (rows: { key: string; count: number }[]) => new Map(rows.map((r) => [r.key, r.count]));
      return { terms: asMap(terms), hashtags: asMap(hashtags), authors: asMap(authors) };
    };
    const [inSpike, inBefore, topMention] = await Promise.all([
      counts(spike),
      counts(before),
      repo.topMention(own, spike, match),
    ]);
    const explanation: SpikeExplanation = {
      terms: overrepresented(inSpike.terms, inBefore.terms, { limit: 8 }),
      hashtags: overrepresented(inSpike.hashtags, inBefore.hashtags, { limit: 5 }),
      authors: overrepresented(inSpike.authors, inBefore.authors, { limit: 5 }),
      topMention,
    };
    return explanation;
  }

  /** Looks for spikes of one topic in the week up to `now`; stores them and announces the new ones. */
  async function scanTopic(topic: Topic, now: Date) {
    const end = Math.floor(now.getTime() / HOUR) * HOUR + HOUR;
    const length = HISTORY_HOURS + RECENT_HOURS;
    const start = end - length * HOUR;
    const match = matchOf(parseTopicQuery(topic.query));
    const counts = new Array<number>(length).fill(0);
    for (const h of await repo.hourlyCounts(
      own,
      { orgId: topic.org_id, from: new Date(start), to: new Date(end) },
      match,
    ))
      counts[Math.round((h.at.getTime() - start) / HOUR)] = h.count;
    const found = detectSpikes(counts, { from: length - RECENT_HOURS });
    let created = 0;
    for (const s of found) {
      const from = new Date(start + s.start * HOUR);
      const to = new Date(start + s.end * HOUR);
      const explanation = await explain(topic.org_id, match, from, to);
      const saved = await db.transaction().execute(async (trx) => {
        const row = await repo.saveSpike(ownTables<ListeningTables>(trx), newId(), {
          org_id: topic.org_id,
          topic_id: topic.id,
          started_at: from,
          ended_at: to,
          peak_at: new Date(start + s.peak * HOUR),
          observed: s.observed,
          expected: s.expected,
          p_value: s.pValue,
          explanation,
        });
        if (row.created)
          await events.emit(trx, 'listening.spike_detected', row.id, {
            spikeId: row.id,
            orgId: topic.org_id,
            topicId: topic.id,
            topicName: topic.name,
            startedAt: from.toISOString(),
            observed: s.observed,
            expected: s.expected,
            why: explanation.terms.slice(0, 3).map((t) => t.key),
          });
        return row;
      });
      if (saved.created) created++;
    }
    return created;
  }

  return {
    scanTopic,
    /** The sweep: every topic of every brand. Returns how many new spikes it found. */
    async scanAll(now = new Date()) {
      let created = 0;
      for (const topic of await repo.allTopics(own)) created += await scanTopic(topic, now);
      return created;
    },
    /** On demand for a brand (all its topics, or one). */
    async scan(principal: Principal, handle: string, topicId: string | null, now = new Date()) {
      const org = await topics.orgFor(principal, handle);
      const list = topicId ? [await topics.topicOf(org.id, topicId)] : await topics.list(principal, handle);
      for (const t of list) await scanTopic({ ...t, org_id: org.id }, now);
      return repo.spikesOf(own, org.id, topicId, 50);
    },
    /** A brand's newest spikes without a signed-in member (briefing books, written by the weekly schedule too). */
    ofOrg: (orgId: string, limit = 200) => repo.spikesOf(own, orgId, null, limit),
    async list(principal: Principal, handle: string, topicId: string | null) {
      const org = await topics.orgFor(principal, handle);
      if (topicId) await topics.topicOf(org.id, topicId);
      return repo.spikesOf(own, org.id, topicId, 50);
    },
  };
}

export type SpikesService = ReturnType<typeof createSpikesService>;
