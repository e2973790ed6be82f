// Care triage as a pure library: intent, suggestion detector, sentiment, language and product mentions of a
// message, plus what trains and evaluates the shipped models. No database, no HTTP; the care module, the
// benchmarks and the training scripts import this file only.

// --- the shipped models, and the building blocks they are made of ---
export {
  shippedConfidence,
  shippedIntentClassifier,
  shippedIntentModelId,
  shippedSentimentModel,
  shippedSuggestionDetector,
} from './intent.classifier.ts';
export { decodeIntentModel, encodeIntentModel, type IntentModelFile } from './intent-model.codec.ts';
export {
  combineSentiment,
  type IntentReading,
  SENTIMENT_CLASSES,
  type SentimentModel,
  type SentimentRule,
  sentimentScore,
} from './sentiment.model.ts';
export { scoreSentiment } from './sentiment.scorer.ts';
/** A small seeded random generator (the trainer's), for reproducible shuffles and samples. */
export { mulberry32 as seededRandom } from './softmax-regression.trainer.ts';
export { SUGGESTION_CUES } from './suggestion.cues.ts';
export {
  DEFAULT_SUGGESTION_OPTIONS,
  type SuggestionDetector,
  suggestionProbability,
  trainSuggestionDetector,
} from './suggestion.detector.ts';
export {
  type ClassifierTrainingOptions,
  classifyText,
  classifyTokens,
  DEFAULT_CLASSIFIER_OPTIONS,
  type Prediction,
  type TextClassifier,
  trainTextClassifier,
} from './text.classifier.ts';
export { type TextTokens, tokenizeText } from './text.tokenizer.ts';
export { createTriagePool, sharedTriagePool, type TriagePool } from './triage.pool.ts';
// --- triage a message ---
export {
  createTriage,
  SUGGESTION_THRESHOLD,
  type Triage,
  triage,
} from './triage.service.ts';
export {
  INTENTS,
  type Intent,
  type LanguageCode,
  type TriageOptions,
  type TriageResult,
} from './triage.types.ts';

/** Where the shipped model files live, for the scripts that rebuild them. */
export const SHIPPED_MODEL_FILES = {
  intent: new URL('./intent-model.json', import.meta.url),
  suggestion: new URL('./suggestion-model.json', import.meta.url),
  sentiment: new URL('./sentiment-model.json', import.meta.url),
  sentimentLexicon: new URL('./sentiment-lexicon.json', import.meta.url),
} as const;

// --- per-brand models: an adjustment over the shipped intent model, learnt from a brand's corrections ---
export {
  accuracyOf,
  adjustedPredictor,
  type BrandAdjustmentFile,
  decodeAdjustment,
  encodeAdjustment,
  type IntentPredictor,
  type LabelledMessage,
  splitHoldOut,
  trainBrandAdjustment,
} from './brand-intent.adapter.ts';
export {
  type Calibration,
  calibrate,
  fitCalibration,
  IDENTITY_CALIBRATION,
  reliability,
} from './confidence.calibration.ts';
// --- training and evaluation data (public sets read in place from the eval data folder) ---
export { parseCsv, parseCsvRecords } from './training/csv.parser.ts';
export { hasDataSets as hasEvalDataSets, resolveEvalDataDir } from './training/eval-data.path.ts';
export { mapBanking77 as mapBanking77Intent } from './training/intent-label.mapping.ts';
export {
  expandSeeds as expandIntentSeeds,
  SEED_SLOTS as INTENT_SEED_SLOTS,
  SEED_TEMPLATES as INTENT_SEED_TEMPLATES,
} from './training/intent-seed.data.ts';
export {
  buildIntentTrainingSet,
  type IntentExample,
  SEED_COPIES as INTENT_SEED_COPIES,
  SEED_SHARE as INTENT_SEED_SHARE,
  SOURCE_SHARES as INTENT_SOURCE_SHARES,
} from './training/intent-training.set.ts';
export { loadBanking77, loadClinc150 } from './training/public-data.loader.ts';
export {
  buildSentimentTrainingSet,
  type IntentLabelledText,
  type SentimentSeedMode,
  type SentimentTrainingOptions,
} from './training/sentiment-training.set.ts';
export { type CheckSet as ShippedCheckSet, shippedCheckSet } from './training/shipped-holdout.set.ts';
export {
  loadSocialPosts,
  SOCIAL_INTENT_SET,
  type SocialPost,
} from './training/social-intent.loader.ts';
export {
  buildSuggestionTrainingSet,
  PUBLIC_NEGATIVE_SHARE,
  SUGGESTION_SEED_COPIES,
  type SuggestionTrainingExample,
} from './training/suggestion-training.set.ts';
