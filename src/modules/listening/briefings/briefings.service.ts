import { overrepresented } from '../../../lib/listening/index.ts';
import { type Db, ownTables } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { CareModule } from '../../care/index.ts';
import type { CommerceModule } from '../../commerce/index.ts';
import type { IdeasModule } from '../../ideas/index.ts';
import { type IdentityModule, roleIn } from '../../identity/index.ts';
import type { RfpModule } from '../../rfp/index.ts';
import { listeningError } from '../listening.errors.ts';
import type { ListeningTables } from '../listening.tables.ts';
import type { SpikesService } from '../spikes/spikes.service.ts';
import { matchOf } from '../topics/topic-query.repo.ts';
import { breakdown, seriesAndCounts, topicsOf, topTerms } from '../topics/topics.repo.ts';
import { parseTopicQuery, STOP_WORDS } from '../topics/topics.service.ts';
import { writeSummary } from './briefing.summary.ts';
import * as repo from './briefings.repo.ts';
import type { BriefingFigures } from './briefings.schemas.ts';
import type { BriefingCadence, BriefingsTables } from './briefings.tables.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const MAX_PERIOD_DAYS = 366;

export type BriefingDeps = {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  spikes: Pick<SpikesService, 'ofOrg'>;
  care: Pick<CareModule, 'ranking'>;
  ideas: Pick<IdeasModule, 'inPeriod'>;
  rfp: Pick<RfpModule, 'inPeriod'>;
  commerce: Pick<CommerceModule, 'salesInPeriod'>;
};

/** The last full week before `now`: Monday 00:00 UTC to the next Monday. */
export function lastFullWeek(now: Date) {
  const midnight = Math.floor(now.getTime() / DAY) * DAY;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0
  const to = new Date(midnight - weekday * DAY);
  return { from: new Date(to.getTime() - WEEK), to };
}

/** A period from the request, or a 400 `invalid_period` naming what is wrong with it. */
export function periodOf(input: { from?: string; to?: string }, now = new Date()) {
  if (!input.from && !input.to) return lastFullWeek(now);
  const to = input.to ? new Date(input.to) : now;
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - WEEK);
  if (!(from < to))
    throw listeningError('invalid_period', 'The period must start before it ends', [
      { field: 'from', message: 'is not before to' },
    ]);
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY)
    throw listeningError('invalid_period', 'A briefing book covers at most a year', [
      { field: 'to', message: `is more than ${MAX_PERIOD_DAYS} days after from` },
    ]);
  if (from > now)
    throw listeningError('invalid_period', 'The period has not started yet', [
      { field: 'from', message: 'is in the future' },
    ]);
  return { from, to };
}

type Org = { id: string; handle: string; name: string };

/**
 * Briefing books: a brand's figures for a period gathered from listening, care, ideas, requests for proposals and
 * commerce, stored as a snapshot, read as a page or a PDF with charts. Weekly books are written by the schedule.
 */
export function createBriefingsService(deps: BriefingDeps) {
  const own = ownTables<ListeningTables>(deps.db);
  const books = ownTables<BriefingsTables>(deps.db);

  /** Every figure of a book, gathered now (the slow part: the PDF is drawn from these alone). */
  async function gather(org: Org, from: Date, to: Date): Promise<BriefingFigures> {
    const topics = await topicsOf(own, org.id);
    const brandTopics = topics.filter((t) => t.kind === 'brand');
    const rivals = topics.filter((t) => t.kind === 'competitor');
    const matchOfTopic = (t: { query: string }) => matchOf(parseTopicQuery(t.query));
    const brand = repo.anyOf(brandTopics.map(matchOfTopic));
    const w = { orgId: org.id, from, to };
    const previous = { orgId: org.id, from: new Date(2 * from.getTime() - to.getTime()), to: from };
    const negative = repo.withSentiment(brand, 'negative');
    const positive = repo.withSentiment(brand, 'positive');
    const voices = [...brandTopics, ...rivals];

    // The brand's daily series and every voice's count (share of voice) in one pass over the period.
    const {
      series,
      counts: [, ...counts],
    } = await seriesAndCounts(own, w, [brand, ...voices.map(matchOfTopic)], 'day');
    const now = await repo.sentimentTotals(own, w, brand);
    const before = await repo.sentimentTotals(own, previous, brand);
    const asMap = (rows: { key: string; count: number }[]) => new Map(rows.map((r) => [r.key, r.count]));
    const negTerms = asMap(await topTerms(own, w, negative, STOP_WORDS, 300));
    const posTerms = asMap(await topTerms(own, w, positive, STOP_WORDS, 300));
    const intents = await breakdown(own, w, brand, 'intent');
    const top = await repo.topConversations(own, w, brand);
    const spikes = (await deps.spikes.ofOrg(org.id)).filter((s) => s.started_at >= from && s.started_at < to);
    const care = await deps.care.ranking.performance(org.id, from, to);
    const ideas = await deps.ideas.inPeriod(org.id, from, to);
    const requests = await deps.rfp.inPeriod(org.id, from, to);
    const sales = await deps.commerce.salesInPeriod(org.id, from, to);

    const byDay = new Map(series.map((s) => [s.at.toISOString().slice(0, 10), s]));
    const days: BriefingFigures['volume']['series'] = [];
    for (let t = Math.floor(from.getTime() / DAY) * DAY; t < to.getTime(); t += DAY) {
      const key = new Date(t).toISOString().slice(0, 10);
      const s = byDay.get(key);
      days.push({ day: key, count: s?.count ?? 0, negative: s?.negative ?? 0, positive: s?.positive ?? 0 });
    }
    const total = counts.reduce((a, b) => a + b, 0);
    const topicName = new Map(topics.map((t) => [t.id, t.name]));
    const driver = (d: { key: string; spike: number; z: number }) => ({ key: d.key, count: d.spike, z: d.z });
    const figures: Omit<BriefingFigures, 'summary'> = {
      brand: { handle: org.handle, name: org.name },
      period: { from: from.toISOString(), to: to.toISOString(), previousFrom: previous.from.toISOString() },
      topics: brandTopics.map((t) => t.name),
      volume: { mentions: now.count, previousMentions: before.count, series: days },
      sentiment: {
        average: now.average,
        previousAverage: before.average,
        positive: now.positive,
        negative: now.negative,
        negativeDrivers: overrepresented(negTerms, posTerms, { limit: 6 }).map(driver),
        positiveDrivers: overrepresented(posTerms, negTerms, { limit: 6 }).map(driver),
      },
      shareOfVoice: voices.map((t, i) => ({
        name: t.name,
        kind: t.kind === 'brand' ? ('brand' as const) : ('competitor' as const),
        count: counts[i],
        share: total === 0 ? 0 : counts[i] / total,
      })),
      spikes: spikes.map((s) => ({
        topicName: topicName.get(s.topic_id) ?? 'a removed topic',
        startedAt: new Date(s.started_at).toISOString(),
        observed: s.observed,
        expected: s.expected,
        causes: [
          ...s.explanation.terms.slice(0, 3).map((t) => `“${t.key}”`),
          ...s.explanation.hashtags.slice(0, 2).map((t) => `#${t.key}`),
          ...s.explanation.authors.slice(0, 1).map((t) => `@${t.key}`),
        ],
        topMention: s.explanation.topMention
          ? { text: s.explanation.topMention.text, authorHandle: s.explanation.topMention.authorHandle }
          : null,
      })),
      topConversations: top.map((m) => ({
        mentionId: m.id,
        authorHandle: m.author_handle,
        followers: m.author_followers,
        text: m.text,
        reshares: m.reshares,
        replies: m.replies,
        sentiment: m.sentiment,
        postedAt: new Date(m.posted_at).toISOString(),
        url: m.url,
      })),
      intents,
      care,
      ideas: {
        raised: ideas.raised,
        shipped: ideas.shipped,
        top: ideas.top.map((i) => ({ title: i.title, votes: i.votes, status: i.status })),
      },
      requests,
      sales: {
        orders: sales.reduce((a, b) => a + b.orders, 0),
        revenueMinor: sales.reduce((a, b) => a + b.revenueMinor, 0),
        currency: sales.find((s) => s.currency)?.currency ?? null,
        bySource: sales.map((s) => ({ kind: s.kind, orders: s.orders, revenueMinor: s.revenueMinor })),
      },
    };
    return { ...figures, summary: writeSummary(figures) };
  }

  async function write(org: Org, cadence: BriefingCadence, from: Date, to: Date, createdBy: string | null) {
    const id = newId();
    const figures = await gather(org, from, to);
    const created = await repo.insertBriefing(books, {
      id,
      org_id: org.id,
      cadence,
      period_start: from,
      period_end: to,
      figures,
      created_by: createdBy,
    });
    return created ? id : null;
  }

  /** The org behind a handle, for any of its members; anyone else is told it does not exist. */
  async function memberOrg(principal: Principal, handle: string) {
    const org = await deps.identity.orgs.orgByHandle(handle).catch(() => null);
    if (!org || !roleIn(principal, org.id))
      throw listeningError('briefing_not_found', 'No briefing book with that id for this brand');
    return org;
  }

  async function bookOf(orgId: string, id: string) {
    const row = await repo.briefingById(books, orgId, id);
    if (!row) throw listeningError('briefing_not_found', 'No briefing book with that id for this brand');
    return row;
  }

  return {
    gather,
    async list(principal: Principal, handle: string) {
      const org = await memberOrg(principal, handle);
      return repo.briefingsOf(books, org.id);
    },
    async get(principal: Principal, handle: string, id: string) {
      const org = await memberOrg(principal, handle);
      return bookOf(org.id, id);
    },
    /** A book for any period, written now (marketers, agents, admins and owners). */
    async create(principal: Principal, handle: string, input: { from?: string; to?: string }) {
      const org = await deps.identity.orgs.requireCapability(principal, handle, 'listen');
      const { from, to } = periodOf(input);
      const id = (await write(org, 'on_demand', from, to, principal.userId)) as string;
      return bookOf(org.id, id);
    },
    async pdf(principal: Principal, handle: string, id: string) {
      const org = await memberOrg(principal, handle);
      const book = await bookOf(org.id, id);
      // ECharts, pdfkit and its fonts take seconds to load: only a PDF download pays for them.
      const { renderBriefingPdf } = await import('./briefing.pdf.ts');
      return { book, pdf: await renderBriefingPdf(book.figures) };
    },
    /** The schedule: last week's book for every brand that listens and has none yet. Returns how many it wrote. */
    async writeWeekly(now = new Date()) {
      const { from, to } = lastFullWeek(now);
      let written = 0;
      for (const orgId of await repo.listeningOrgs(own)) {
        if (await repo.weeklyExists(books, orgId, from)) continue;
        const org = await deps.identity.orgs.orgByIdOrNull(orgId);
        if (!org) continue;
        if (await write(org, 'weekly', from, to, null)) written++;
      }
      return written;
    },
  };
}

export type BriefingsService = ReturnType<typeof createBriefingsService>;
