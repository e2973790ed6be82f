import { parseQuery, type QueryNode, QuerySyntaxError } from '../../../lib/listening/index.ts';
import { type Db, type Executor, ownTables } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { listeningError } from '../listening.errors.ts';
import type { ListeningTables, TopicKind } from '../listening.tables.ts';
import { matchOf } from './topic-query.repo.ts';
import * as repo from './topics.repo.ts';

/** A query parsed, or a 400 `invalid_query` naming the position and what was expected there. */
export function parseTopicQuery(query: string, field = 'query'): QueryNode {
  try {
    return parseQuery(query);
  } catch (err) {
    if (err instanceof QuerySyntaxError)
      throw listeningError('invalid_query', `The query does not parse ${err.message}`, [
        { field, message: `at position ${err.position + 1}: expected ${err.expected}, found ${err.found}` },
      ]);
    throw err;
  }
}

/** Words too common to say anything about a topic (the top-terms chart leaves them out). */
export const STOP_WORDS = (
  'the and for you your are but not with this that have has had was were will would can could our out get got just ' +
  'all any from they them their there what when where who why how its it’s i’m don dont can’t cant too very been ' +
  'about into more some than then also only one two his her him she him myself over off again still please thanks ' +
  'thank hey yes now new http https www com amp via'
).split(/\s+/);

const DAY = 86_400_000;

type Topic = { id: string; name: string; kind: TopicKind; query: string };

/**
 * The heart of a topic's page: its count, its volume series and its share of voice against the brand's competitor
 * topics, in one statement.
 */
export async function topicPage(
  own: Executor<ListeningTables>,
  window: { orgId: string; from: Date; to: Date },
  topic: Topic,
  topics: Topic[],
  bucket: 'day' | 'hour',
) {
  const rivals = topics.filter((t) => t.kind === 'competitor' && t.id !== topic.id);
  const voices = [topic, ...rivals];
  const { series, counts } = await repo.seriesAndCounts(
    own,
    window,
    voices.map((t) => matchOf(parseTopicQuery(t.query))),
    bucket,
  );
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    count: counts[0],
    series: series.map((s) => ({ ...s, at: s.at.toISOString() })),
    shareOfVoice: voices.map((t, i) => ({
      topicId: t.id,
      name: t.name,
      count: counts[i],
      share: total === 0 ? 0 : counts[i] / total,
    })),
  };
}

export type TopicWindow = { from?: string; to?: string; bucket?: 'day' | 'hour' };

/** A brand's topics (saved queries for itself, its products, its competitors, its category) and their charts. */
export function createTopicsService({ db, identity }: { db: Db; identity: Pick<IdentityModule, 'orgs'> }) {
  const own = ownTables<ListeningTables>(db);
  const orgFor = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'listen');

  async function topicOf(orgId: string, id: string) {
    const topic = await repo.topicById(own, orgId, id);
    if (!topic) throw listeningError('topic_not_found', 'No topic with that id for this brand');
    return topic;
  }

  const nameTaken = (err: unknown, name: string) => {
    if ((err as { code?: string }).code === '23505')
      return listeningError('topic_name_taken', `Another topic is named "${name}"`, [
        { field: 'name', message: 'is the name of another topic' },
      ]);
    return err;
  };

  function windowOf(w: TopicWindow) {
    const to = w.to ? new Date(w.to) : new Date();
    const from = w.from ? new Date(w.from) : new Date(to.getTime() - 30 * DAY);
    if (!(from < to))
      throw listeningError('invalid_window', 'from must be before to', [
        { field: 'from', message: 'is not before to' },
      ]);
    const bucket = w.bucket ?? (to.getTime() - from.getTime() > 4 * DAY ? 'day' : 'hour');
    if (bucket === 'hour' && to.getTime() - from.getTime() > 31 * DAY)
      throw listeningError('invalid_window', 'Hourly series cover at most 31 days', [
        { field: 'bucket', message: 'hour needs a window of at most 31 days' },
      ]);
    return { from, to, bucket };
  }

  return {
    orgFor,
    topicOf,
    windowOf,
    async list(principal: Principal, handle: string) {
      const org = await orgFor(principal, handle);
      return repo.topicsOf(own, org.id);
    },
    async create(
      principal: Principal,
      handle: string,
      input: { name: string; kind: TopicKind; query: string },
    ) {
      const org = await orgFor(principal, handle);
      parseTopicQuery(input.query);
      const id = newId();
      await repo.insertTopic(own, { id, org_id: org.id, ...input }).catch((err) => {
        throw nameTaken(err, input.name);
      });
      return topicOf(org.id, id);
    },
    async update(
      principal: Principal,
      handle: string,
      id: string,
      change: { name?: string; kind?: TopicKind; query?: string },
    ) {
      const org = await orgFor(principal, handle);
      if (change.query !== undefined) parseTopicQuery(change.query);
      const updated = await repo.updateTopic(own, org.id, id, change).catch((err) => {
        throw nameTaken(err, change.name ?? '');
      });
      if (!updated) throw listeningError('topic_not_found', 'No topic with that id for this brand');
      return topicOf(org.id, id);
    },
    async remove(principal: Principal, handle: string, id: string) {
      const org = await orgFor(principal, handle);
      if (!(await repo.deleteTopic(own, org.id, id)))
        throw listeningError('topic_not_found', 'No topic with that id for this brand');
    },

    /**
     * A topic's page: volume and sentiment over time, share of voice against the brand's competitor topics,
     * intent mix, top authors by reach, top terms and hashtags, languages.
     */
    async summary(principal: Principal, handle: string, id: string, w: TopicWindow) {
      const org = await orgFor(principal, handle);
      const topic = await topicOf(org.id, id);
      const { from, to, bucket } = windowOf(w);
      const window = { orgId: org.id, from, to };
      const match = matchOf(parseTopicQuery(topic.query));
      const [page, intents, languages, authors, hashtags, terms] = await Promise.all([
        topicPage(own, window, topic, await repo.topicsOf(own, org.id), bucket),
        repo.breakdown(own, window, match, 'intent'),
        repo.breakdown(own, window, match, 'language'),
        repo.topAuthors(own, window, match),
        repo.topHashtags(own, window, match),
        repo.topTerms(own, window, match, STOP_WORDS),
      ]);
      return {
        topic,
        from: from.toISOString(),
        to: to.toISOString(),
        bucket,
        ...page,
        intents,
        languages,
        authors,
        hashtags,
        terms,
      };
    },
  };
}

export type TopicsService = ReturnType<typeof createTopicsService>;
