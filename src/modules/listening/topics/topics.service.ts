import { parseQuery, type QueryNode, QuerySyntaxError } from '../../../lib/listening/index.ts';
import { type Db, type Executor, isUniqueViolation, ownTables } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { listeningError } from '../listening.errors.ts';
import type { ListeningTables, TagKind, TopicKind } from '../listening.tables.ts';
import { intentMix, volumes } from './membership.repo.ts';
import type { BackfillProgress, Membership } from './membership.service.ts';
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

type Topic = { id: string; name: string; kind: TagKind; query: string };

/**
 * The heart of a topic's page: its count, its volume series and its share of voice against the brand's competitor
 * topics, in one statement over the daily rollup (whole days) and the stored memberships (the window's edges).
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
  const rows = await volumes(
    own,
    window,
    voices.map((t) => t.id),
    bucket,
  );
  const counts = voices.map((t) => rows.reduce((n, r) => (r.topicId === t.id ? n + r.count : n), 0));
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    count: counts[0],
    series: rows
      .filter((r) => r.topicId === topic.id && r.count > 0)
      .map((r) => ({
        at: r.at.toISOString(),
        count: r.count,
        negative: r.negative,
        positive: r.positive,
        sentiment: r.sentimentSum / r.count,
      })),
    shareOfVoice: voices.map((t, i) => ({
      topicId: t.id,
      name: t.name,
      count: counts[i],
      share: total === 0 ? 0 : counts[i] / total,
    })),
  };
}

/** The rest of a topic's page: intent mix, languages, top authors by reach, top hashtags and terms. */
export async function topicBreakdowns(
  own: Executor<ListeningTables>,
  window: { orgId: string; from: Date; to: Date },
  topic: Topic,
) {
  const match = matchOf(parseTopicQuery(topic.query));
  const [intents, languages, authors, hashtags, terms] = await Promise.all([
    intentMix(own, window, topic.id),
    repo.breakdown(own, window, match, 'language'),
    repo.topAuthors(own, window, match),
    repo.topHashtags(own, window, match),
    repo.topTerms(own, window, match, STOP_WORDS),
  ]);
  return { intents, languages, authors, hashtags, terms };
}

export type TopicWindow = { from?: string; to?: string; bucket?: 'day' | 'hour' };

type Saved = Awaited<ReturnType<typeof repo.topicsOf>>[number];
/** A topic or rule with its backfill's progress (null: its query was never applied to stored mentions). */
export type SavedWithProgress = Saved & { backfill: BackfillProgress | null };

/**
 * A brand's topics (saved queries for itself, its products, its competitors, its category) and their charts, and
 * its auto-tagging rules (a query → a tag): both are rows of one table whose memberships are stored the same way.
 */
export function createTopicsService({
  db,
  events,
  identity,
  membership,
}: {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs'>;
  membership: Membership;
}) {
  const own = ownTables<ListeningTables>(db);
  const orgFor = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'listen');
  const isRule = (t: { kind: TagKind }) => t.kind === 'tag';

  async function withProgress(orgId: string, rows: Saved[]): Promise<SavedWithProgress[]> {
    const progress = await membership.progressOf(db, orgId);
    return rows.map((t) => ({ ...t, backfill: progress.get(t.id) ?? null }));
  }

  /** A topic (rules: false) or a rule (rules: true) of the brand, or its 404. */
  async function savedOf(orgId: string, id: string, rules = false) {
    const found = await repo.topicById(own, orgId, id);
    if (!found || isRule(found) !== rules)
      throw rules
        ? listeningError('rule_not_found', 'No auto-tagging rule with that id for this brand')
        : listeningError('topic_not_found', 'No topic with that id for this brand');
    return found;
  }
  const topicOf = (orgId: string, id: string) => savedOf(orgId, id);
  /** A topic or a rule: what the mention list filters by. */
  async function tagOf(orgId: string, id: string, field: string) {
    const found = await repo.topicById(own, orgId, id);
    if (!found)
      throw listeningError('topic_not_found', 'No topic or tag with that id for this brand', [
        { field, message: 'is not a topic or tag of this brand' },
      ]);
    return found;
  }

  const nameTaken = (err: unknown, name: string) => {
    if (isUniqueViolation(err))
      return listeningError('topic_name_taken', `Another topic or tag is named "${name}"`, [
        { field: 'name', message: 'is the name of another topic or tag' },
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

  async function create(orgId: string, input: { name: string; kind: TagKind; query: string }) {
    parseTopicQuery(input.query);
    const id = newId();
    await events
      .transaction(db, async (trx) => {
        await repo.insertTopic(ownTables<ListeningTables>(trx), { id, org_id: orgId, ...input });
        await membership.backfill(trx, orgId, id);
      })
      .catch((err) => {
        throw nameTaken(err, input.name);
      });
    return (await withProgress(orgId, [await savedOf(orgId, id, isRule(input))]))[0];
  }

  async function update(
    orgId: string,
    id: string,
    rules: boolean,
    change: { name?: string; kind?: TopicKind; query?: string },
  ) {
    if (change.query !== undefined) parseTopicQuery(change.query);
    const before = await savedOf(orgId, id, rules);
    await events
      .transaction(db, async (trx) => {
        await repo.updateTopic(ownTables<ListeningTables>(trx), orgId, id, change);
        if (change.query !== undefined && change.query !== before.query)
          await membership.backfill(trx, orgId, id);
      })
      .catch((err) => {
        throw nameTaken(err, change.name ?? '');
      });
    return (await withProgress(orgId, [await savedOf(orgId, id, rules)]))[0];
  }

  async function remove(orgId: string, id: string, rules: boolean) {
    await savedOf(orgId, id, rules);
    await events.transaction(db, async (trx) => {
      await membership.forget(trx, orgId, id);
      await repo.deleteTopic(ownTables<ListeningTables>(trx), orgId, id);
    });
  }

  return {
    orgFor,
    topicOf,
    tagOf,
    windowOf,
    async list(principal: Principal, handle: string) {
      const org = await orgFor(principal, handle);
      return withProgress(org.id, await repo.topicsOf(own, org.id));
    },
    async create(
      principal: Principal,
      handle: string,
      input: { name: string; kind: TopicKind; query: string },
    ) {
      return create((await orgFor(principal, handle)).id, input);
    },
    async update(
      principal: Principal,
      handle: string,
      id: string,
      change: { name?: string; kind?: TopicKind; query?: string },
    ) {
      return update((await orgFor(principal, handle)).id, id, false, change);
    },
    async remove(principal: Principal, handle: string, id: string) {
      await remove((await orgFor(principal, handle)).id, id, false);
    },
    /** Auto-tagging rules: a query whose mentions get a tag, applied to new mentions and, by a backfill, stored ones. */
    rules: {
      async list(principal: Principal, handle: string) {
        const org = await orgFor(principal, handle);
        return withProgress(org.id, await repo.topicsOf(own, org.id, 'tags'));
      },
      async get(principal: Principal, handle: string, id: string) {
        const org = await orgFor(principal, handle);
        return (await withProgress(org.id, [await savedOf(org.id, id, true)]))[0];
      },
      async create(principal: Principal, handle: string, input: { tag: string; query: string }) {
        const org = await orgFor(principal, handle);
        return create(org.id, { name: input.tag, kind: 'tag', query: input.query });
      },
      async update(
        principal: Principal,
        handle: string,
        id: string,
        change: { tag?: string; query?: string },
      ) {
        const org = await orgFor(principal, handle);
        return update(org.id, id, true, { name: change.tag, query: change.query });
      },
      async remove(principal: Principal, handle: string, id: string) {
        await remove((await orgFor(principal, handle)).id, id, true);
      },
    },

    /**
     * A topic's page: volume and sentiment over time, share of voice against the brand's competitor topics,
     * intent mix, top authors by reach, top terms and hashtags, languages.
     */
    async summary(principal: Principal, handle: string, id: string, w: TopicWindow) {
      const org = await orgFor(principal, handle);
      const [topic] = await withProgress(org.id, [await topicOf(org.id, id)]);
      const { from, to, bucket } = windowOf(w);
      const window = { orgId: org.id, from, to };
      const [page, breakdowns] = await Promise.all([
        topicPage(own, window, topic, await repo.topicsOf(own, org.id), bucket),
        topicBreakdowns(own, window, topic),
      ]);
      return { topic, from: from.toISOString(), to: to.toISOString(), bucket, ...page, ...breakdowns };
    },
  };
}

export type TopicsService = ReturnType<typeof createTopicsService>;
