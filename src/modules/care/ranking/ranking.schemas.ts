import Type from 'typebox';
import { INDUSTRY_NAMES, type Industry } from './ranking.service.ts';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const IndustryName = Type.Unsafe<Industry>(Type.Union(INDUSTRY_NAMES.map((k) => Type.Literal(k))));

const Figure = Type.Object({
  observed: Nullable(
    Type.Number({ description: "the brand's own recency-weighted mean (0–1) before the prior" }),
  ),
  weight: Type.Number({ description: 'Σ w of the conversations with this measure' }),
  industryMean: Type.Number({ description: 'μ: the industry’s weighted mean, where the prior pulls' }),
  value: Type.Number({ description: '(Σ w·x + m·μ) / (Σ w + m)' }),
});

export const RankingEntry = Type.Object({
  handle: Type.String(),
  name: Type.String(),
  kind: Type.String({ description: 'brand or reseller' }),
  industry: Type.String(),
  industryLabel: Type.String(),
  conversations: Type.Integer({ description: 'conversations in the last 365 days' }),
  score: Type.Number({ description: '0–100' }),
  rank: Nullable(Type.Integer({ description: '1 is best within the industry; null: not enough data' })),
  ranked: Type.Boolean(),
  measures: Type.Object({
    response: Figure,
    resolution: Figure,
    csat: Figure,
    sentimentAfter: Figure,
  }),
  plain: Type.Object({
    firstResponseMedianMinutes: Nullable(Type.Number()),
    resolutionRate: Nullable(Type.Number()),
    csatAverage: Nullable(Type.Number()),
    sentimentAfterAverage: Nullable(Type.Number()),
  }),
});

export const RankingMethod = Type.Object({
  formula: Type.String(),
  measures: Type.Object({
    response: Type.String(),
    resolution: Type.String(),
    csat: Type.String(),
    sentimentAfter: Type.String(),
  }),
  recency: Type.String(),
  prior: Type.String(),
  minimum: Type.String(),
  halfLifeDays: Type.Number(),
  priorWeight: Type.Number(),
  minConversations: Type.Integer(),
  weights: Type.Object({
    response: Type.Number(),
    resolution: Type.Number(),
    csat: Type.Number(),
    sentimentAfter: Type.Number(),
  }),
});

export const RankingPage = Type.Object({
  industries: Type.Array(
    Type.Object({ industry: Type.String(), label: Type.String(), brands: Type.Array(RankingEntry) }),
  ),
  method: RankingMethod,
});

export const RankingQuery = Type.Object(
  { industry: Type.Optional(IndustryName) },
  { additionalProperties: false },
);

export const BrandRanking = Type.Object({
  handle: Type.String(),
  name: Type.String(),
  industry: Type.String(),
  industryLabel: Type.String(),
  rankedInIndustry: Type.Integer({ description: 'how many brands of the industry are ranked' }),
  entry: Nullable(RankingEntry),
  method: RankingMethod,
});

export const RankingProfile = Type.Object({ industry: IndustryName }, { additionalProperties: false });
