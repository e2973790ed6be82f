import { decodeIntentModel, type IntentModelFile } from './intent-model.codec.ts';
import modelFile from './intent-model.json' with { type: 'json' };
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
