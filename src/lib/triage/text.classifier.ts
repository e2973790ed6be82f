import {
  DEFAULT_FEATURE_CONFIG,
  type FeatureConfig,
  hashTerms,
  hashTermsRaw,
  intentTerms,
} from './intent.features.ts';
import { scoreSentiment } from './sentiment.scorer.ts';
import { socialCues } from './social.cues.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  type LinearModel,
  predictRow,
  type TrainOptions,
  trainSoftmaxRegression,
} from './softmax-regression.trainer.ts';
import { type TextTokens, tokenizeText } from './text.tokenizer.ts';
import { fitVocabulary, type TfidfVocabulary, toMatrix, vectorizeBuckets } from './tfidf.vectorizer.ts';

/** TF-IDF over hashed word and character n-grams, then multinomial logistic regression. */
export type TextClassifier = {
  classes: string[];
  features: FeatureConfig;
  vocabulary: TfidfVocabulary;
  model: LinearModel;
};

export type TrainingExample = { text: string; label: string; weight?: number };

export type ClassifierTrainingOptions = {
  features: FeatureConfig;
  minDf: number;
  train: TrainOptions;
};

export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierTrainingOptions = {
  features: DEFAULT_FEATURE_CONFIG,
  minDf: 2,
  train: DEFAULT_TRAIN_OPTIONS,
};

export type Prediction = { label: string; confidence: number; probabilities: Float64Array };

/** Classes are sorted unless given, so the class order never depends on the order of the data. */
export function trainTextClassifier(
  examples: readonly TrainingExample[],
  options: ClassifierTrainingOptions = DEFAULT_CLASSIFIER_OPTIONS,
  classes: string[] = [...new Set(examples.map((e) => e.label))].sort(),
): TextClassifier {
  const docs = examples.map((e) => {
    const tokens = tokenizeText(e.text);
    const lexicon = options.features.lexiconCues === true ? scoreSentiment(e.text) : undefined;
    return hashTerms(
      termsOf(tokens, options.features),
      options.features,
      extrasOf(tokens, options.features, lexicon),
    );
  });
  const vocabulary = fitVocabulary(docs, options.features.hashBits, options.minDf);
  const labels = Int32Array.from(examples.map((e) => classIndex(classes, e.label)));
  const sampleWeights = Float32Array.from(examples.map((e) => e.weight ?? 1));
  const model = trainSoftmaxRegression(toMatrix(docs, vocabulary), labels, classes.length, {
    ...options.train,
    sampleWeights,
  });
  return { classes, features: options.features, vocabulary, model };
}

function classIndex(classes: readonly string[], label: string): number {
  const index = classes.indexOf(label);
  if (index < 0) throw new Error(`label "${label}" is not one of the classifier's classes`);
  return index;
}

function termsOf(tokens: TextTokens, features: FeatureConfig): string[] {
  return features.cuesOnly === true ? [] : intentTerms(tokens);
}

/** Cut points of the lexicon's compound score (VADER's ±0.05 neutral band, then steps of 0.25). */
const LEXICON_CUTS = [-0.75, -0.5, -0.25, -0.05, 0.05, 0.25, 0.5, 0.75];

function extrasOf(tokens: TextTokens, features: FeatureConfig, lexicon?: number): string[] {
  const extras = features.socialCues === true ? socialCues(tokens) : [];
  if (features.lexiconCues === true) {
    if (lexicon === undefined) throw new Error('this classifier needs the lexicon score of the message');
    let bucket = 0;
    while (bucket < LEXICON_CUTS.length && lexicon >= LEXICON_CUTS[bucket]) bucket++;
    extras.push(`<lex:${bucket}>`);
  }
  return extras;
}

/** Every hashed feature occurrence of a message under a classifier's feature config (a view of a shared buffer).
 * `lexicon` (the message's `scoreSentiment`) is needed when the config has `lexiconCues`. */
export function featureBuckets(tokens: TextTokens, features: FeatureConfig, lexicon?: number): Uint32Array {
  return hashTermsRaw(termsOf(tokens, features), features, extrasOf(tokens, features, lexicon));
}

export function classifyTokens(classifier: TextClassifier, tokens: TextTokens, lexicon?: number): Prediction {
  const vector = vectorizeBuckets(
    featureBuckets(tokens, classifier.features, lexicon),
    classifier.vocabulary,
  );
  const probabilities = new Float64Array(classifier.classes.length);
  predictRow(classifier.model, vector.cols, vector.vals, probabilities);
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
  return { label: classifier.classes[best], confidence: probabilities[best], probabilities };
}

export function classifyText(classifier: TextClassifier, text: string): Prediction {
  const lexicon = classifier.features.lexiconCues === true ? scoreSentiment(text) : undefined;
  return classifyTokens(classifier, tokenizeText(text), lexicon);
}
