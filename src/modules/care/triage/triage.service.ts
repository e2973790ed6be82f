import type { IntentPredictor } from './brand-intent.adapter.ts';
import { shippedIntentClassifier } from './intent.classifier.ts';
import { detectLanguage } from './language.detector.ts';
import { createMentionMatcher, type MentionMatcher, mentionWords } from './mentions.matcher.ts';
import { scoreSentiment } from './sentiment.scorer.ts';
import { classifyTokens, type TextClassifier } from './text.classifier.ts';
import { tokenizeText } from './text.tokenizer.ts';
import type { Intent, TriageOptions, TriageResult } from './triage.types.ts';

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
export function createTriage(model: TextClassifier | IntentPredictor = shippedIntentClassifier()): Triage {
  const predict: IntentPredictor =
    typeof model === 'function' ? model : (tokens) => classifyTokens(model, tokens);
  return (text, options = {}) => {
    const prediction = predict(tokenizeText(text));
    const intent = prediction.label as Intent;
    const result: TriageResult = {
      intent,
      intentConfidence: prediction.confidence,
      sentiment: blendSentiment(scoreSentiment(text), intent, prediction.confidence),
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
