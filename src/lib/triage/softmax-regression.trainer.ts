import type { SparseMatrix } from './tfidf.vectorizer.ts';

/** Multinomial logistic regression weights; `weights[feature * nClasses + k]` keeps one feature's row together. */
export type LinearModel = {
  nFeatures: number;
  nClasses: number;
  weights: Float32Array;
  bias: Float32Array;
};

export type TrainOptions = {
  epochs: number;
  /** L2 penalty per example (λ); larger means smoother, smaller weights. */
  l2: number;
  learningRate: number;
  seed: number;
  /** Per-row weight, e.g. to let a small hand-written set count as much as a large public one. */
  sampleWeights?: Float32Array;
};

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 12, l2: 3e-6, learningRate: 0.5, seed: 7 };

/** Small seeded generator so that a retrain reproduces the shipped model bit for bit. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, random: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Softmax probabilities of one sparse row into `out`; `scale` is the lazy L2 factor used during training. */
export function predictRow(
  model: LinearModel,
  cols: Int32Array,
  vals: Float32Array,
  out: Float64Array,
  scale = 1,
): void {
  const k = model.nClasses;
  out.fill(0, 0, k);
  for (let i = 0; i < cols.length; i++) {
    const base = cols[i] * k;
    const x = vals[i];
    for (let c = 0; c < k; c++) out[c] += x * model.weights[base + c];
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    out[c] = out[c] * scale + model.bias[c];
    if (out[c] > max) max = out[c];
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c] - max);
    sum += out[c];
  }
  for (let c = 0; c < k; c++) out[c] /= sum;
}

type SgdState = { model: LinearModel; scale: number; step: number; probs: Float64Array };

// One SGD step on the log loss. The weights are stored divided by `scale`, so the L2 shrink of every
// weight is one multiplication instead of a pass over the whole matrix (Bottou's trick).
function sgdStep(
  state: SgdState,
  x: SparseMatrix,
  row: number,
  label: number,
  weight: number,
  o: TrainOptions,
) {
  const { model, probs } = state;
  const cols = x.cols.subarray(x.rowPtr[row], x.rowPtr[row + 1]);
  const vals = x.vals.subarray(x.rowPtr[row], x.rowPtr[row + 1]);
  const eta = o.learningRate / (1 + o.learningRate * o.l2 * state.step++);
  predictRow(model, cols, vals, probs, state.scale);
  probs[label] -= 1;
  state.scale *= 1 - eta * o.l2;
  const k = model.nClasses;
  const factor = (eta * weight) / state.scale;
  for (let i = 0; i < cols.length; i++) {
    const base = cols[i] * k;
    const g = factor * vals[i];
    for (let c = 0; c < k; c++) model.weights[base + c] -= g * probs[c];
  }
  // Every step moves the intercept; a tenth of the step (as scikit-learn's intercept decay) keeps it steady.
  for (let c = 0; c < k; c++) model.bias[c] -= eta * weight * probs[c] * 0.1;
  if (state.scale < 1e-6) rescale(state);
}

function rescale(state: SgdState): void {
  const w = state.model.weights;
  for (let i = 0; i < w.length; i++) w[i] *= state.scale;
  state.scale = 1;
}

/** Trains by shuffled stochastic gradient descent with a decaying step; deterministic for a given seed. */
export function trainSoftmaxRegression(
  x: SparseMatrix,
  labels: Int32Array,
  nClasses: number,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): LinearModel {
  const model: LinearModel = {
    nFeatures: x.nCols,
    nClasses,
    weights: new Float32Array(x.nCols * nClasses),
    bias: new Float32Array(nClasses),
  };
  const state: SgdState = { model, scale: 1, step: 0, probs: new Float64Array(nClasses) };
  const random = mulberry32(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const row of shuffled(labels.length, random)) {
      sgdStep(state, x, row, labels[row], options.sampleWeights?.[row] ?? 1, options);
    }
  }
  rescale(state);
  return model;
}
