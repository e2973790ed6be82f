import { mulberry32 } from './softmax-regression.trainer.ts';
import { featureBuckets, type Prediction, type TextClassifier } from './text.classifier.ts';
import { type TextTokens, tokenizeText } from './text.tokenizer.ts';
import { vectorizeBuckets } from './tfidf.vectorizer.ts';

/**
 * A brand's correction of the shipped intent model: extra weights for the shipped features that its agents'
 * corrections contain, added to the shipped logits. A message that shares no feature with any correction is
 * classified exactly as the shipped model does; the shipped model itself is never changed.
 */
export type BrandAdjustment = {
  /** Shipped feature ids (rows of the shipped weights) that carry an adjustment, ascending. */
  features: Int32Array;
  /** Added weights, feature-major: `weights[i * nClasses + c]` belongs to `features[i]`. */
  weights: Float32Array;
};

export type LabelledMessage = { text: string; label: string };

export type AdjustmentOptions = {
  epochs: number;
  learningRate: number;
  /** L2 penalty on the added weights: the prior that the shipped model is right unless shown otherwise. */
  l2: number;
  /** Weight of one correction relative to one anchor message. */
  correctionWeight: number;
  seed: number;
};

export const DEFAULT_ADJUSTMENT_OPTIONS: AdjustmentOptions = {
  epochs: 40,
  learningRate: 0.5,
  l2: 0.01,
  correctionWeight: 10,
  seed: 7,
};

/** One training row in adjustment space: which adjusted rows it touches, and the shipped logits it starts from. */
type Row = {
  rows: Int32Array;
  vals: Float32Array;
  baseLogits: Float64Array;
  target: Float64Array;
  weight: number;
};

function shippedLogits(base: TextClassifier, cols: Int32Array, vals: Float32Array): Float64Array {
  const out = new Float64Array(base.classes.length);
  const k = base.classes.length;
  for (let i = 0; i < cols.length; i++) {
    const offset = cols[i] * k;
    for (let c = 0; c < k; c++) out[c] += vals[i] * base.model.weights[offset + c];
  }
  for (let c = 0; c < k; c++) out[c] += base.model.bias[c];
  return out;
}

function softmaxInPlace(z: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
}

function vectorOf(base: TextClassifier, text: string) {
  const v = vectorizeBuckets(featureBuckets(tokenizeText(text), base.features), base.vocabulary);
  return { cols: v.cols.slice(), vals: v.vals.slice() };
}

/**
 * Learns a brand's adjustment from its corrections (hard labels, weighted up) while keeping the shipped model's
 * own predictions on the anchor messages (soft targets, as in "learning without forgetting", Li & Hoiem 2016):
 * the L2 penalty and the anchors pull towards the shipped model, the corrections pull away from it only where
 * their words differ from ordinary traffic. Deterministic for a given seed.
 */
export function trainBrandAdjustment(
  base: TextClassifier,
  corrections: readonly LabelledMessage[],
  anchors: readonly string[],
  options: AdjustmentOptions = DEFAULT_ADJUSTMENT_OPTIONS,
): BrandAdjustment {
  const k = base.classes.length;
  const correctionVectors = corrections.map((c) => vectorOf(base, c.text));
  const features = Int32Array.from(new Set(correctionVectors.flatMap((v) => [...v.cols]))).sort();
  const rowOf = new Map<number, number>();
  features.forEach((feature, row) => {
    rowOf.set(feature, row);
  });
  const toRow = (v: { cols: Int32Array; vals: Float32Array }, target: Float64Array, weight: number): Row => {
    const rows: number[] = [];
    const vals: number[] = [];
    v.cols.forEach((col, i) => {
      const row = rowOf.get(col);
      if (row !== undefined) [rows.push(row), vals.push(v.vals[i])];
    });
    return {
      rows: Int32Array.from(rows),
      vals: Float32Array.from(vals),
      baseLogits: shippedLogits(base, v.cols, v.vals),
      target,
      weight,
    };
  };
  const rows: Row[] = corrections.map((c, i) => {
    const target = new Float64Array(k);
    const label = base.classes.indexOf(c.label);
    if (label < 0) throw new Error(`label "${c.label}" is not one of the model's classes`);
    target[label] = 1;
    return toRow(correctionVectors[i], target, options.correctionWeight);
  });
  for (const text of anchors) {
    const v = vectorOf(base, text);
    const row = toRow(v, new Float64Array(0), 1);
    if (row.rows.length === 0) continue; // shares nothing with the corrections: the adjustment cannot move it
    row.target = row.baseLogits.slice();
    softmaxInPlace(row.target);
    rows.push(row);
  }
  const weights = new Float32Array(features.length * k);
  const random = mulberry32(options.seed);
  const order = Int32Array.from(rows.keys());
  const probs = new Float64Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const eta = options.learningRate / (1 + 0.1 * epoch);
    for (const index of order) {
      const row = rows[index];
      logitsInto(probs, row, weights, k);
      softmaxInPlace(probs);
      for (let i = 0; i < row.rows.length; i++) {
        const offset = row.rows[i] * k;
        const g = eta * row.weight * row.vals[i];
        for (let c = 0; c < k; c++) weights[offset + c] -= g * (probs[c] - row.target[c]);
      }
    }
    const decay = Math.max(0, 1 - eta * options.l2);
    for (let i = 0; i < weights.length; i++) weights[i] *= decay;
  }
  return { features, weights };
}

function logitsInto(out: Float64Array, row: Row, weights: Float32Array, k: number): void {
  out.set(row.baseLogits);
  for (let i = 0; i < row.rows.length; i++) {
    const offset = row.rows[i] * k;
    for (let c = 0; c < k; c++) out[c] += row.vals[i] * weights[offset + c];
  }
}

/** Classifies tokens with the shipped model plus a brand's adjustment. */
export type IntentPredictor = (tokens: TextTokens) => Prediction;

export function adjustedPredictor(base: TextClassifier, adjustment: BrandAdjustment): IntentPredictor {
  const k = base.classes.length;
  // Dense shipped-feature → adjustment-row table: one lookup per feature on the serving path.
  const rowOf = new Int32Array(base.model.nFeatures).fill(-1);
  adjustment.features.forEach((feature, row) => {
    rowOf[feature] = row;
  });
  return (tokens) => {
    const v = vectorizeBuckets(featureBuckets(tokens, base.features), base.vocabulary);
    const logits = shippedLogits(base, v.cols, v.vals);
    for (let i = 0; i < v.cols.length; i++) {
      const row = rowOf[v.cols[i]];
      if (row < 0) continue;
      for (let c = 0; c < k; c++) logits[c] += v.vals[i] * adjustment.weights[row * k + c];
    }
    softmaxInPlace(logits);
    let best = 0;
    for (let c = 1; c < k; c++) if (logits[c] > logits[best]) best = c;
    return { label: base.classes[best], confidence: logits[best], probabilities: logits };
  };
}

const toBase64 = (bytes: ArrayBufferView) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

// A copy, aligned and unshared: Buffer.from may hand out a slice of a pooled buffer.
function fromBase64(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Stored form: typed arrays as base64. */
export type BrandAdjustmentFile = { format: 'souk-brand-intent/1'; features: string; weights: string };

export function encodeAdjustment(adjustment: BrandAdjustment): BrandAdjustmentFile {
  return {
    format: 'souk-brand-intent/1',
    features: toBase64(adjustment.features),
    weights: toBase64(adjustment.weights),
  };
}

export function decodeAdjustment(file: BrandAdjustmentFile, base: TextClassifier): BrandAdjustment {
  if (file.format !== 'souk-brand-intent/1') throw new Error(`unknown brand intent format ${file.format}`);
  const features = new Int32Array(fromBase64(file.features));
  const weights = new Float32Array(fromBase64(file.weights));
  if (weights.length !== features.length * base.classes.length)
    throw new Error('brand intent adjustment does not match the shipped model');
  return { features, weights };
}

/** Share of messages whose predicted label equals their label. */
export function accuracyOf(predict: (text: string) => string, messages: readonly LabelledMessage[]): number {
  if (messages.length === 0) return 0;
  return messages.filter((m) => predict(m.text) === m.label).length / messages.length;
}

/** Seeded split of a brand's corrections into training and held-out parts. */
export function splitHoldOut<T>(items: readonly T[], share: number, seed = 11): { train: T[]; heldOut: T[] } {
  const random = mulberry32(seed);
  const order = items.map((item) => ({ item, key: random() }));
  order.sort((a, b) => a.key - b.key);
  const n = Math.round(items.length * share);
  return { heldOut: order.slice(0, n).map((o) => o.item), train: order.slice(n).map((o) => o.item) };
}
