import {
  type BrandScore,
  DEFAULT_RANKING_OPTIONS,
  rankServiceQuality,
} from '../../../lib/service-ranking/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import { generateServiceHistory, type ServiceHistory } from './ranking.bulk.repo.ts';
import * as repo from './ranking.repo.ts';

/** The industries a brand can be ranked in; a brand that never chose one is ranked under "other". */
export const INDUSTRIES = {
  fashion: 'Fashion and accessories',
  beauty: 'Beauty and personal care',
  electronics: 'Electronics and phones',
  food: 'Food and drink',
  home: 'Home and garden',
  sports: 'Sports and outdoors',
  travel: 'Travel and hospitality',
  telecom: 'Telecom and internet',
  retail: 'General retail',
  other: 'Other',
} as const;
export type Industry = keyof typeof INDUSTRIES;
export const INDUSTRY_NAMES = [
  'fashion',
  'beauty',
  'electronics',
  'food',
  'home',
  'sports',
  'travel',
  'telecom',
  'retail',
  'other',
] as const satisfies readonly Industry[];

/** Conversations older than this count for nothing (their recency weight is below 6% anyway). */
const WINDOW_DAYS = 365;
const CACHE_MS = 60_000;

export const RANKING_METHOD = {
  formula:
    'score = 100 × (0.30 × responsiveness + 0.30 × resolution + 0.25 × CSAT + 0.15 × sentiment after care); each figure = (Σ w·x + m·μ) / (Σ w + m)',
  measures: {
    response: 'responsiveness: 60 / (60 + minutes to the first reply), 0 when never answered',
    resolution: 'resolution: 1 when the conversation was resolved, else 0',
    csat: 'CSAT: (survey score − 1) / 4, over the conversations with an answer',
    sentimentAfter: "sentiment after care: (the customer's mean sentiment after the first reply + 1) / 2",
  },
  recency: `w = 0.5^(age in days / ${DEFAULT_RANKING_OPTIONS.halfLifeDays}): a conversation counts half after ${DEFAULT_RANKING_OPTIONS.halfLifeDays} days; only the last ${WINDOW_DAYS} days count`,
  prior: `m = ${DEFAULT_RANKING_OPTIONS.priorWeight}: every brand starts with ${DEFAULT_RANKING_OPTIONS.priorWeight} conversations' worth of its industry's mean μ, so a few lucky conversations cannot top the ranking`,
  minimum: `A brand with fewer than ${DEFAULT_RANKING_OPTIONS.minConversations} conversations in the window is listed as "not enough data", unranked`,
  halfLifeDays: DEFAULT_RANKING_OPTIONS.halfLifeDays,
  priorWeight: DEFAULT_RANKING_OPTIONS.priorWeight,
  minConversations: DEFAULT_RANKING_OPTIONS.minConversations,
  weights: DEFAULT_RANKING_OPTIONS.weights,
};

type Entry = BrandScore & { handle: string; name: string; kind: string; industryLabel: string };

/**
 * The public service-quality ranking: brands (and resellers) ranked within their industry from their own care
 * conversations, with a prior toward the industry mean and recency weighting (see `src/lib/service-ranking`).
 */
export function createRankingService({
  db,
  identity,
}: {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
}) {
  let cache: { at: number; entries: Entry[] } | null = null;

  async function compute(): Promise<Entry[]> {
    const [facts, profiles] = await Promise.all([
      repo.conversationFacts(db, WINDOW_DAYS),
      repo.industries(db),
    ]);
    const industryOf = new Map(profiles.map((p) => [p.org_id, p.industry]));
    const scores = rankServiceQuality(
      facts.map((f) => ({
        brandId: f.org_id,
        industry: industryOf.get(f.org_id) ?? 'other',
        ageDays: f.age_days,
        firstResponseMinutes: f.first_response_minutes,
        resolved: f.resolved,
        csat: f.csat,
        sentimentAfter: f.sentiment_after,
      })),
    );
    const accounts = new Map(
      (await identity.accounts.byIds(scores.map((s) => s.brandId))).map((a) => [a.id, a]),
    );
    return scores.flatMap((s) => {
      const a = accounts.get(s.brandId);
      if (!a || a.kind === 'person') return [];
      const industryLabel = INDUSTRIES[s.industry as Industry] ?? s.industry;
      return [{ ...s, handle: a.handle, name: a.name, kind: a.kind, industryLabel }];
    });
  }

  async function entries() {
    if (!cache || Date.now() - cache.at > CACHE_MS) cache = { at: Date.now(), entries: await compute() };
    return cache.entries;
  }

  return {
    /** Every brand with conversations in the last year, ranked within its industry (or "not enough data"). */
    async ranking(industry?: string) {
      const all = await entries();
      return all.filter((e) => !industry || e.industry === industry);
    },
    /** One brand's place: its score, rank among how many, and every input of the formula. */
    async brand(handle: string) {
      const org = await identity.accounts.byHandle(handle);
      if (!org || org.kind === 'person') throw careError('org_not_found', 'No brand with that handle');
      const all = await entries();
      const entry = all.find((e) => e.brandId === org.id);
      const industry = entry?.industry ?? (await repo.industryOf(db, org.id)) ?? 'other';
      return {
        handle: org.handle,
        name: org.name,
        industry,
        industryLabel: INDUSTRIES[industry as Industry] ?? industry,
        rankedInIndustry: all.filter((e) => e.industry === industry && e.ranked).length,
        entry: entry ?? null,
      };
    },
    /** A brand's care figures for a period, for briefing books. */
    async performance(orgId: string, from: Date, to: Date) {
      const p = await repo.periodPerformance(db, orgId, from, to);
      return {
        conversations: p.conversations,
        answered: p.answered,
        firstResponseMedianMinutes: p.first_response_p50,
        resolutionRate: p.conversations ? p.resolved / p.conversations : null,
        resolutionMedianMinutes: p.resolution_p50,
        csatAverage: p.csat,
        csatResponses: p.csat_responses,
      };
    },
    async industryOf(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'editProfile');
      return (await repo.industryOf(db, org.id)) ?? 'other';
    },
    async setIndustry(principal: Principal, handle: string, industry: Industry) {
      const org = await identity.orgs.requireCapability(principal, handle, 'editProfile');
      await repo.setIndustry(db, org.id, industry);
      cache = null;
      return industry;
    },
    /** Set-based care history of a brand for the demo world (answered, partly resolved and rated conversations). */
    async generateHistory(history: ServiceHistory) {
      await generateServiceHistory(db, history);
      cache = null;
    },
    /** Forgets the cached ranking (tests and the demo seed, after writing conversations). */
    refresh() {
      cache = null;
    },
  };
}

export type RankingService = ReturnType<typeof createRankingService>;
