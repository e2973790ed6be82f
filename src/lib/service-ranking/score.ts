/**
 * Service-quality score of brands on social care, ranked within their industry.
 *
 * Each conversation gives four sub-scores in [0, 1]: responsiveness 60 / (60 + minutes to the first reply) (0 when
 * never answered), resolved (1 or 0), CSAT (score − 1) / 4 and the customer's sentiment after the first reply
 * (s + 1) / 2. A conversation weighs 0.5^(age in days / half-life), so last month counts more than last year. A
 * brand's figure for a measure is the weighted mean pulled toward its industry's mean by a prior worth
 * `priorWeight` conversations: (Σ w·x + m·μ) / (Σ w + m), the small-sample guard review sites use. The score is
 * 100 × the weighted sum of the four figures. Brands with fewer than `minConversations` are not ranked.
 */

export type Measure = 'response' | 'resolution' | 'csat' | 'sentimentAfter';
export const MEASURES: readonly Measure[] = ['response', 'resolution', 'csat', 'sentimentAfter'];

export type ConversationFacts = {
  brandId: string;
  industry: string;
  ageDays: number;
  /** Minutes from the customer's first message to the brand's first reply; null when never answered. */
  firstResponseMinutes: number | null;
  resolved: boolean;
  /** 1 to 5, when the customer answered the survey. */
  csat: number | null;
  /** The customer's mean sentiment (−1 to 1) in messages after the brand's first reply, when there are any. */
  sentimentAfter: number | null;
};

export type RankingOptions = {
  halfLifeDays: number;
  priorWeight: number;
  minConversations: number;
  /** Minutes of first response at which responsiveness is one half. */
  responseHalfMinutes: number;
  weights: Record<Measure, number>;
};

export const DEFAULT_RANKING_OPTIONS: RankingOptions = {
  halfLifeDays: 90,
  priorWeight: 5,
  minConversations: 5,
  responseHalfMinutes: 60,
  weights: { response: 0.3, resolution: 0.3, csat: 0.25, sentimentAfter: 0.15 },
};

export type MeasureFigure = {
  /** The brand's own recency-weighted mean, before the prior (null without data). */
  observed: number | null;
  /** Σ of the recency weights of the conversations that have this measure. */
  weight: number;
  /** The industry's mean, toward which the prior pulls. */
  industryMean: number;
  /** (Σ w·x + m·μ) / (Σ w + m) */
  value: number;
};

export type BrandScore = {
  brandId: string;
  industry: string;
  conversations: number;
  measures: Record<Measure, MeasureFigure>;
  /** What a reader knows the figures by: median first reply, share resolved, mean CSAT, mean sentiment after. */
  plain: {
    firstResponseMedianMinutes: number | null;
    resolutionRate: number | null;
    csatAverage: number | null;
    sentimentAfterAverage: number | null;
  };
  score: number;
  /** 1 is best; brands with equal scores (to one decimal) share a rank; null: not enough data. */
  rank: number | null;
  ranked: boolean;
};

/** A conversation's weight by its age: one half every `halfLifeDays`. */
export const recencyWeight = (ageDays: number, halfLifeDays: number) =>
  0.5 ** (Math.max(0, ageDays) / halfLifeDays);

function subScores(c: ConversationFacts, o: RankingOptions): Record<Measure, number | null> {
  return {
    response:
      c.firstResponseMinutes === null
        ? 0
        : o.responseHalfMinutes / (o.responseHalfMinutes + Math.max(0, c.firstResponseMinutes)),
    resolution: c.resolved ? 1 : 0,
    csat: c.csat === null ? null : (Math.min(5, Math.max(1, c.csat)) - 1) / 4,
    sentimentAfter: c.sentimentAfter === null ? null : (Math.min(1, Math.max(-1, c.sentimentAfter)) + 1) / 2,
  };
}

type Sums = Record<Measure, { wx: number; w: number }>;
const emptySums = (): Sums => ({
  response: { wx: 0, w: 0 },
  resolution: { wx: 0, w: 0 },
  csat: { wx: 0, w: 0 },
  sentimentAfter: { wx: 0, w: 0 },
});

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const mean = (values: number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** Scores every brand that has conversations and ranks them within their industry. */
export function rankServiceQuality(
  conversations: readonly ConversationFacts[],
  options: Partial<RankingOptions> = {},
): BrandScore[] {
  const o = { ...DEFAULT_RANKING_OPTIONS, ...options };
  const brands = new Map<string, { industry: string; sums: Sums; facts: ConversationFacts[] }>();
  const industries = new Map<string, Sums>();
  for (const c of conversations) {
    const w = recencyWeight(c.ageDays, o.halfLifeDays);
    const brand = brands.get(c.brandId) ?? { industry: c.industry, sums: emptySums(), facts: [] };
    brands.set(c.brandId, brand);
    brand.facts.push(c);
    const industry = industries.get(c.industry) ?? emptySums();
    industries.set(c.industry, industry);
    const sub = subScores(c, o);
    for (const m of MEASURES) {
      const x = sub[m];
      if (x === null) continue;
      for (const sums of [brand.sums, industry]) {
        sums[m].wx += w * x;
        sums[m].w += w;
      }
    }
  }

  const scored: BrandScore[] = [...brands].map(([brandId, b]) => {
    const industry = industries.get(b.industry) ?? emptySums();
    const measures = Object.fromEntries(
      MEASURES.map((m) => {
        const mu = industry[m].w > 0 ? industry[m].wx / industry[m].w : 0.5;
        const { wx, w } = b.sums[m];
        return [
          m,
          {
            observed: w > 0 ? wx / w : null,
            weight: w,
            industryMean: mu,
            value: (wx + o.priorWeight * mu) / (w + o.priorWeight),
          },
        ];
      }),
    ) as Record<Measure, MeasureFigure>;
    const score = 100 * MEASURES.reduce((sum, m) => sum + o.weights[m] * measures[m].value, 0);
    const f = b.facts;
    return {
      brandId,
      industry: b.industry,
      conversations: f.length,
      measures,
      plain: {
        firstResponseMedianMinutes: median(f.flatMap((c) => c.firstResponseMinutes ?? [])),
        resolutionRate: f.length ? f.filter((c) => c.resolved).length / f.length : null,
        csatAverage: mean(f.flatMap((c) => c.csat ?? [])),
        sentimentAfterAverage: mean(f.flatMap((c) => c.sentimentAfter ?? [])),
      },
      score: Math.round(score * 10) / 10,
      rank: null,
      ranked: f.length >= o.minConversations,
    };
  });

  const byIndustry = new Map<string, BrandScore[]>();
  for (const s of scored) byIndustry.set(s.industry, [...(byIndustry.get(s.industry) ?? []), s]);
  for (const list of byIndustry.values()) {
    const ranked = list.filter((s) => s.ranked).sort((a, b) => b.score - a.score);
    ranked.forEach((s, i) => {
      // Equal scores share the rank of the first of them (1, 1, 3).
      s.rank = i > 0 && ranked[i - 1].score === s.score ? (ranked[i - 1].rank as number) : i + 1;
    });
  }
  return scored.sort(
    (a, b) =>
      a.industry.localeCompare(b.industry) ||
      Number(b.ranked) - Number(a.ranked) ||
      (a.rank ?? 0) - (b.rank ?? 0) ||
      b.score - a.score ||
      a.brandId.localeCompare(b.brandId),
  );
}
