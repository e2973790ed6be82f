import type { Calibration } from './confidence.calibration.ts';
import type { FeatureConfig } from './intent.features.ts';
import type { TextClassifier } from './text.classifier.ts';
import { vocabularyFrom } from './tfidf.vectorizer.ts';

/** The shipped model file: typed arrays as base64 so that the JSON stays a few hundred kilobytes. */
export type IntentModelFile = {
  format: 'souk-intent-model/1';
  classes: string[];
  features: FeatureConfig;
  /** Sorted hash buckets, delta-encoded as unsigned LEB128 varints. */
  buckets: string;
  /** idf × 1000 as uint16. */
  idf: string;
  /** int8 weights, feature-major; real weight = value × weightScale. */
  weights: string;
  weightScale: number;
  bias: number[];
  /** Free-form provenance written by the training script (sources, counts, options). */
  training: Record<string, unknown>;
  /** Platt scaling of triage's confidence, fitted on out-of-fold predictions (absent: identity). */
  calibration?: Calibration;
  /** The default "unsure" threshold on the calibrated confidence, chosen by cross-validation. */
  unsureBelow?: number;
  /** Sentiment model only: the lexicon score's weight in the reported score (see `sentiment.model.ts`). */
  lexiconWeight?: number;
  /** Sentiment model only: the lexicon strength that reads a model-neutral post as polar. */
  lexiconOverride?: number;
  /** Sentiment model only: where a complaint is pulled (0: no pull). */
  complaintAnchor?: number;
};

const IDF_SCALE = 1000;

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function fromBase64(text: string): Uint8Array {
  const buffer = Buffer.from(text, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function encodeDeltas(sorted: Uint32Array): Uint8Array {
  const out: number[] = [];
  let previous = 0;
  for (const value of sorted) {
    let delta = value - previous;
    previous = value;
    while (delta >= 0x80) {
      out.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    out.push(delta);
  }
  return Uint8Array.from(out);
}

function decodeDeltas(bytes: Uint8Array): Uint32Array {
  const out: number[] = [];
  let previous = 0;
  for (let i = 0; i < bytes.length; ) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[i++];
      delta |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    previous += delta;
    out.push(previous);
  }
  return Uint32Array.from(out);
}

// int8 costs a quarter of float32; the training script reports how often it changes a prediction.
function quantize(weights: Float32Array): { bytes: Int8Array; scale: number } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  return { bytes: Int8Array.from(weights, (w) => Math.round(w / scale)), scale };
}

export function encodeIntentModel(
  classifier: TextClassifier,
  training: Record<string, unknown>,
): IntentModelFile {
  const { bytes, scale } = quantize(classifier.model.weights);
  const idf = Uint16Array.from(classifier.vocabulary.idf, (v) => Math.round(v * IDF_SCALE));
  return {
    format: 'souk-intent-model/1',
    classes: classifier.classes,
    features: classifier.features,
    buckets: toBase64(encodeDeltas(classifier.vocabulary.buckets)),
    idf: toBase64(new Uint8Array(idf.buffer)),
    weights: toBase64(new Uint8Array(bytes.buffer)),
    weightScale: scale,
    bias: Array.from(classifier.model.bias, (b) => Number(b.toFixed(5))),
    training,
  };
}

export function decodeIntentModel(file: IntentModelFile): TextClassifier {
  if (file.format !== 'souk-intent-model/1') throw new Error(`unknown intent model format ${file.format}`);
  const buckets = decodeDeltas(fromBase64(file.buckets));
  const idfBytes = fromBase64(file.idf);
  const idfRaw = new Uint16Array(idfBytes.slice().buffer);
  const weightBytes = new Int8Array(fromBase64(file.weights).slice().buffer);
  const nClasses = file.classes.length;
  if (weightBytes.length !== buckets.length * nClasses)
    throw new Error('intent model weights do not match buckets');
  return {
    classes: file.classes,
    features: file.features,
    vocabulary: vocabularyFrom(
      buckets,
      Float32Array.from(idfRaw, (v) => v / IDF_SCALE),
      file.features.hashBits,
    ),
    model: {
      nFeatures: buckets.length,
      nClasses,
      weights: Float32Array.from(weightBytes, (w) => w * file.weightScale),
      bias: Float32Array.from(file.bias),
    },
  };
}
