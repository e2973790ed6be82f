import { createHash } from 'node:crypto';
import { type Calibration, IDENTITY_CALIBRATION } from './confidence.calibration.ts';
import { decodeIntentModel, type IntentModelFile } from './intent-model.codec.ts';
import modelFile from './intent-model.json' with { type: 'json' };
import { SENTIMENT_CLASSES, type SentimentModel } from './sentiment.model.ts';
import sentimentFile from './sentiment-model.json' with { type: 'json' };
import { SUGGESTION_CLASSES, type SuggestionDetector } from './suggestion.detector.ts';
import suggestionFile from './suggestion-model.json' with { type: 'json' };
import type { TextClassifier } from './text.classifier.ts';
import { INTENTS } from './triage.types.ts';

let shipped: TextClassifier | undefined;

/** The model trained by scripts/train-intent-model.ts, decoded once on first use. */
export function shippedIntentClassifier(): TextClassifier {
  if (shipped === undefined) {
    const decoded = decodeIntentModel(modelFile as IntentModelFile);
    if (decoded.classes.join() !== INTENTS.join())
      throw new Error('intent model classes do not match INTENTS');
    shipped = decoded;
  }
  return shipped;
}

let shippedId: string | undefined;

/** A short digest of the shipped model, so that a brand's adjustment is only ever applied to the model it was learnt on. */
export function shippedIntentModelId(): string {
  shippedId ??= createHash('sha256').update(JSON.stringify(modelFile)).digest('hex').slice(0, 16);
  return shippedId;
}

let shippedSuggestions: SuggestionDetector | undefined;

/** The suggestion detector trained by the same script (suggestion-model.json), decoded once on first use. */
export function shippedSuggestionDetector(): SuggestionDetector {
  if (shippedSuggestions === undefined) {
    const decoded = decodeIntentModel(suggestionFile as IntentModelFile);
    if (decoded.classes.join() !== SUGGESTION_CLASSES.join())
      throw new Error('suggestion model classes are not other, idea');
    shippedSuggestions = decoded;
  }
  return shippedSuggestions;
}

/** The shipped model's confidence calibration and default unsure threshold (identity and 0 when absent). */
export function shippedConfidence(): { calibration: Calibration; unsureBelow: number } {
  const file = modelFile as IntentModelFile;
  return { calibration: file.calibration ?? IDENTITY_CALIBRATION, unsureBelow: file.unsureBelow ?? 0 };
}

let shippedSentiment: SentimentModel | undefined;

/** The sentiment model trained by scripts/train-sentiment-model.ts (sentiment-model.json), decoded once on first use. */
export function shippedSentimentModel(): SentimentModel {
  if (shippedSentiment === undefined) {
    const file = sentimentFile as IntentModelFile;
    const classifier = decodeIntentModel(file);
    if (classifier.classes.join() !== SENTIMENT_CLASSES.join())
      throw new Error('sentiment model classes are not negative, neutral, positive');
    shippedSentiment = {
      classifier,
      lexiconWeight: file.lexiconWeight ?? 0,
      lexiconOverride: file.lexiconOverride ?? 1.01,
      complaintAnchor: file.complaintAnchor ?? 0,
    };
  }
  return shippedSentiment;
}
