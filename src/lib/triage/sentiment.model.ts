import { classifyTokens, type TextClassifier } from './text.classifier.ts';
import type { TextTokens } from './text.tokenizer.ts';

/** The sentiment model's classes, in its class order (sorted, as `trainTextClassifier` sorts them). */
export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const;

/**
 * A 3-class sentiment model of its own (not the intent model's confidence): TF-IDF over words, the social cues and
 * the lexicon's compound score as a bucketed marker, then multinomial logistic regression, trained on brand-directed
 * posts. Two numbers combine it with the lexicon (VADER-style, `sentiment.scorer.ts`), which knows general tweets
 * better: `lexiconWeight`, the lexicon's weight in the reported score against P(positive) − P(negative), and
 * `lexiconOverride`, the lexicon strength at which a post the model calls neutral is read as polar after all. Both are
 * chosen by `npm run train:sentiment` (cross-validation on social-intent-dev part A and TweetEval's validation split).
 */
export type SentimentModel = {
  classifier: TextClassifier;
  lexiconWeight: number;
  lexiconOverride: number;
  /** Where a message the intent model calls a complaint is pulled, in proportion to that intent's calibrated
   * confidence, never past a stronger negative score ("thanks for losing my bag"); 0: no pull. */
  complaintAnchor: number;
};

export type SentimentRule = Pick<SentimentModel, 'lexiconWeight' | 'lexiconOverride' | 'complaintAnchor'>;

/** The intent triage chose and its calibrated confidence, when the sentiment rule pulls complaints. */
export type IntentReading = { intent: string; confidence: number };

/** VADER's neutral band: a score within ±0.05 reads as neutral (Hutto & Gilbert 2014). */
const NEUTRAL_BAND = 0.05;

/**
 * −1..1 sentiment of one message from the model's class probabilities [negative, neutral, positive] and the
 * lexicon score. The decision picks the side of VADER's ±0.05 cut, so that anything bucketing the score the usual
 * way reads the decision; the value on that side is the mix of lexicon and model, which keeps its order.
 */
export function combineSentiment(
  model: SentimentRule,
  probabilities: ArrayLike<number>,
  lexicon: number,
  intent?: IntentReading,
): number {
  const score = combineWithLexicon(model, probabilities, lexicon);
  if (intent === undefined || intent.intent !== 'complaint' || model.complaintAnchor <= 0) return score;
  return (1 - intent.confidence) * score + intent.confidence * Math.min(score, -model.complaintAnchor);
}

function combineWithLexicon(model: SentimentRule, probabilities: ArrayLike<number>, lexicon: number): number {
  const negative = probabilities[0];
  const neutral = probabilities[1];
  const positive = probabilities[2];
  const lean = positive - negative;
  const mix = model.lexiconWeight * lexicon + (1 - model.lexiconWeight) * lean;
  if (neutral >= negative && neutral >= positive && Math.abs(lexicon) < model.lexiconOverride)
    return (NEUTRAL_BAND - 0.001) * mix;
  const side = mix !== 0 ? Math.sign(mix) : lean !== 0 ? Math.sign(lean) : Math.sign(lexicon);
  if (side === 0) return 0;
  return side * Math.max(NEUTRAL_BAND, Math.abs(mix));
}

export function sentimentScore(
  model: SentimentModel,
  tokens: TextTokens,
  lexicon: number,
  intent?: IntentReading,
): number {
  return combineSentiment(
    model,
    classifyTokens(model.classifier, tokens, lexicon).probabilities,
    lexicon,
    intent,
  );
}
