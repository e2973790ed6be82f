import type { IntentPredictor } from './brand-intent.adapter.ts';
import { type Calibration, calibrate } from './confidence.calibration.ts';
import {
  shippedConfidence,
  shippedIntentClassifier,
  shippedSentimentModel,
  shippedSuggestionDetector,
} from './intent.classifier.ts';
import { detectLanguage } from './language.detector.ts';
import { createMentionMatcher, type MentionMatcher, mentionWords } from './mentions.matcher.ts';
import { type SentimentModel, sentimentScore } from './sentiment.model.ts';
import { scoreSentiment } from './sentiment.scorer.ts';
import { type SuggestionDetector, suggestionProbability } from './suggestion.detector.ts';
import { classifyTokens, type Prediction, type TextClassifier } from './text.classifier.ts';
import { tokenizeText } from './text.tokenizer.ts';
import type { Intent, TriageOptions, TriageResult } from './triage.types.ts';

/**
 * P(suggestion) from the suggestion detector at or above which a message is an idea. Chosen once on the
 * SemEval-2019 task 9 trial split with its negatives reweighted to a 24.5% suggestion rate (see EVALUATION.md);
 * the detector was trained balanced, and that split is half suggestions, so 0.5 would over-call ideas.
 */
export const SUGGESTION_THRESHOLD = 0.3;

/**
 * The intent model, trained on social posts, keeps a complaint and an idea it chooses itself; otherwise the
 * suggestion detector can still make a message an idea (P(suggestion) ≥ SUGGESTION_THRESHOLD), as it knows the
 * suggestion mood of forums the intent model has seen little of. A complaint stays a complaint even when it
 * proposes a fix ("you should refund me"): care answers the fault first. Chosen by cross-validation on
 * social-intent-dev part A (72.7% against 70.2% when the detector alone decided ideas).
 */
export function decideIntent(
  prediction: Prediction,
  suggestion: number,
): { intent: Intent; confidence: number } {
  const label = prediction.label as Intent;
  if (label === 'complaint' || label === 'idea') return { intent: label, confidence: prediction.confidence };
  if (suggestion >= SUGGESTION_THRESHOLD) return { intent: 'idea', confidence: suggestion };
  return { intent: label, confidence: prediction.confidence };
}

// Callers usually pass the same product and competitor arrays for every message of a brand.
const matchers = new WeakMap<readonly string[], MentionMatcher>();

function mentionsOf(names: readonly string[], words: readonly string[]): string[] {
  let matcher = matchers.get(names);
  if (matcher === undefined) {
    matcher = createMentionMatcher(names);
    matchers.set(names, matcher);
  }
  return matcher(words);
}

export type Triage = (text: string, options?: TriageOptions) => TriageResult;

/** Builds a triage function over a given intent model (a brand's retrained one, or the shipped one). */
export function createTriage(
  model: TextClassifier | IntentPredictor = shippedIntentClassifier(),
  suggestions: SuggestionDetector = shippedSuggestionDetector(),
  confidence: { calibration: Calibration; unsureBelow: number } = shippedConfidence(),
  sentiment: SentimentModel = shippedSentimentModel(),
): Triage {
  const predict: IntentPredictor =
    typeof model === 'function' ? model : (tokens) => classifyTokens(model, tokens);
  return (text, options = {}) => {
    const tokens = tokenizeText(text);
    const decided = decideIntent(predict(tokens), suggestionProbability(suggestions, tokens));
    const { intent } = decided;
    const sure = calibrate(decided.confidence, confidence.calibration);
    const result: TriageResult = {
      intent,
      intentConfidence: sure,
      unsure: sure < (options.unsureBelow ?? confidence.unsureBelow),
      sentiment: sentimentScore(sentiment, tokens, scoreSentiment(text), { intent, confidence: sure }),
      language: detectLanguage(text),
    };
    if (options.products === undefined && options.competitors === undefined) return result;
    const words = mentionWords(text);
    if (options.products !== undefined) result.products = mentionsOf(options.products, words);
    if (options.competitors !== undefined) result.competitors = mentionsOf(options.competitors, words);
    return result;
  };
}

let shippedTriage: Triage | undefined;

/** Intent, sentiment, language and mentioned products/competitors of one message, with the shipped model. */
export function triage(text: string, options?: TriageOptions): TriageResult {
  shippedTriage ??= createTriage();
  return shippedTriage(text, options);
}
