import { type FeatureConfig, hashTerms, hashTermsRaw, intentTerms } from './intent.features.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  predictRow,
  type TrainOptions,
  trainSoftmaxRegression,
} from './softmax-regression.trainer.ts';
import { suggestionCues } from './suggestion.cues.ts';
import type { TextClassifier } from './text.classifier.ts';
import { type TextTokens, tokenizeText } from './text.tokenizer.ts';
import { fitVocabulary, toMatrix, vectorizeBuckets } from './tfidf.vectorizer.ts';

/**
 * A binary suggestion detector: logistic regression over hashed word uni/bigrams plus suggestion-mood cues
 * (`suggestion.cues.ts`). Its classes are `other` and `idea`; it is stored in the intent model's file format.
 */
export type SuggestionDetector = TextClassifier;

export const SUGGESTION_CLASSES = ['other', 'idea'];

export type SuggestionExample = { text: string; isSuggestion: boolean; weight: number };

export type SuggestionTrainingOptions = { features: FeatureConfig; minDf: number; train: TrainOptions };

// No character n-grams: they let a few hundred hand-written sentences be memorised by their nouns, while the
// mood of a sentence lives in its function words, verbs and cues. A stronger L2 than the intent model's for
// the same reason.
export const DEFAULT_SUGGESTION_OPTIONS: SuggestionTrainingOptions = {
  features: { hashBits: 18, charMin: 2, charMax: 0, wordBigrams: true },
  minDf: 2,
  train: { ...DEFAULT_TRAIN_OPTIONS, l2: 3e-5 },
};

export function trainSuggestionDetector(
  examples: readonly SuggestionExample[],
  options: SuggestionTrainingOptions = DEFAULT_SUGGESTION_OPTIONS,
): SuggestionDetector {
  const docs = examples.map((e) => {
    const tokens = tokenizeText(e.text);
    return hashTerms(intentTerms(tokens), options.features, suggestionCues(tokens));
  });
  const vocabulary = fitVocabulary(docs, options.features.hashBits, options.minDf);
  const labels = Int32Array.from(examples.map((e) => (e.isSuggestion ? 1 : 0)));
  const model = trainSoftmaxRegression(toMatrix(docs, vocabulary), labels, 2, {
    ...options.train,
    sampleWeights: Float32Array.from(examples.map((e) => e.weight)),
  });
  return { classes: SUGGESTION_CLASSES, features: options.features, vocabulary, model };
}

const scratch = new Float64Array(2);

/** Probability that the message is a suggestion, 0..1. */
export function suggestionProbability(detector: SuggestionDetector, tokens: TextTokens): number {
  const raw = hashTermsRaw(intentTerms(tokens), detector.features, suggestionCues(tokens));
  const vector = vectorizeBuckets(raw, detector.vocabulary);
  predictRow(detector.model, vector.cols, vector.vals, scratch);
  return scratch[1];
}
