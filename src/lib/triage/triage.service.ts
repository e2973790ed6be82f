import type { IntentPredictor } from './brand-intent.adapter.ts';
import { shippedIntentClassifier, shippedSuggestionDetector } from './intent.classifier.ts';
import { detectLanguage } from './language.detector.ts';
import { createMentionMatcher, type MentionMatcher, mentionWords } from './mentions.matcher.ts';
import { scoreSentiment } from './sentiment.scorer.ts';
import { type SuggestionDetector, suggestionProbability } from './suggestion.detector.ts';
import { classifyTokens, type Prediction, type TextClassifier } from './text.classifier.ts';
import { tokenizeText } from './text.tokenizer.ts';
import { INTENTS, type Intent, type TriageOptions, type TriageResult } from './triage.types.ts';

/** Where a confident complaint or praise pulls the lexicon score (see blendSentiment). */
export const INTENT_SENTIMENT_ANCHOR = 0.5;

/**
 * A complaint to a brand is negative even when worded politely or sarcastically ("thanks for losing my
 * bag"), and praise is positive even when the lexicon misses it, so the lexicon score is pulled towards
 * ∓INTENT_SENTIMENT_ANCHOR in proportion to the intent's confidence, never past a stronger lexicon score.
 */
export function blendSentiment(lexicon: number, intent: Intent, confidence: number): number {
  if (intent === 'complaint') {
    return (1 - confidence) * lexicon + confidence * Math.min(lexicon, -INTENT_SENTIMENT_ANCHOR);
  }
  if (intent === 'praise')
    return (1 - confidence) * lexicon + confidence * Math.max(lexicon, INTENT_SENTIMENT_ANCHOR);
  return lexicon;
}

/**
 * P(suggestion) from the suggestion detector at or above which a message is an idea. Chosen once on the
 * SemEval-2019 task 9 trial split with its negatives reweighted to a 24.5% suggestion rate (see EVALUATION.md);
 * the detector was trained balanced, and that split is half suggestions, so 0.5 would over-call ideas.
 */
export const SUGGESTION_THRESHOLD = 0.3;

const IDEA = INTENTS.indexOf('idea');

/**
 * The suggestion detector decides `idea`, since the intent model learnt it from a few hundred seeds only:
 * an idea when P(suggestion) ≥ SUGGESTION_THRESHOLD, otherwise the intent model's best other intent. A
 * complaint stays a complaint even when it proposes a fix ("you should refund me"): care answers the fault first.
 */
export function decideIntent(
  prediction: Prediction,
  suggestion: number,
): { intent: Intent; confidence: number } {
  const label = prediction.label as Intent;
  if (label === 'complaint') return { intent: label, confidence: prediction.confidence };
  if (suggestion >= SUGGESTION_THRESHOLD) return { intent: 'idea', confidence: suggestion };
  if (label !== 'idea') return { intent: label, confidence: prediction.confidence };
  const p = prediction.probabilities;
  let best = IDEA === 0 ? 1 : 0;
  for (let c = 0; c < p.length; c++) if (c !== IDEA && p[c] > p[best]) best = c;
  // The idea mass is taken out, so the runner-up's confidence is conditional on "not an idea".
  return { intent: INTENTS[best], confidence: p[best] / Math.max(1e-9, 1 - p[IDEA]) };
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
): Triage {
  const predict: IntentPredictor =
    typeof model === 'function' ? model : (tokens) => classifyTokens(model, tokens);
  return (text, options = {}) => {
    const tokens = tokenizeText(text);
    const { intent, confidence } = decideIntent(predict(tokens), suggestionProbability(suggestions, tokens));
    const result: TriageResult = {
      intent,
      intentConfidence: confidence,
      sentiment: blendSentiment(scoreSentiment(text), intent, confidence),
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
