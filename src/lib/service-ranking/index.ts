/** Service-quality ranking of brands within their industry, from their care conversations (pure, no database). */
export {
  type BrandScore,
  type ConversationFacts,
  DEFAULT_RANKING_OPTIONS,
  MEASURES,
  type Measure,
  type MeasureFigure,
  type RankingOptions,
  rankServiceQuality,
  recencyWeight,
} from './score.ts';
