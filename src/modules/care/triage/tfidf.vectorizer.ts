import type { HashedCounts } from './intent.features.ts';

/** Which hash buckets the model knows, as dense feature ids, with their inverse document frequency. */
export type TfidfVocabulary = {
  /** bucket → feature id, or −1 for a bucket never seen often enough in training. */
  lookup: Int32Array;
  /** feature id → bucket, kept to serialise the model. */
  buckets: Uint32Array;
  idf: Float32Array;
};

export type SparseVector = { cols: Int32Array; vals: Float32Array };

/** Rows in compressed sparse row form. */
export type SparseMatrix = { rowPtr: Int32Array; cols: Int32Array; vals: Float32Array; nCols: number };

/** Keeps buckets seen in at least `minDf` documents; rarer ones are mostly noise and bloat the model. */
export function fitVocabulary(
  docs: readonly HashedCounts[],
  hashBits: number,
  minDf: number,
): TfidfVocabulary {
  const df = new Uint32Array(1 << hashBits);
  for (const doc of docs) for (const bucket of doc.buckets) df[bucket]++;
  const kept: number[] = [];
  for (let bucket = 0; bucket < df.length; bucket++) if (df[bucket] >= minDf) kept.push(bucket);
  const idf = new Float32Array(kept.length);
  // Smoothed idf as in scikit-learn, so that figures compare with its TF-IDF baselines.
  kept.forEach((bucket, id) => {
    idf[id] = Math.log((1 + docs.length) / (1 + df[bucket])) + 1;
  });
  return vocabularyFrom(Uint32Array.from(kept), idf, hashBits);
}

export function vocabularyFrom(buckets: Uint32Array, idf: Float32Array, hashBits: number): TfidfVocabulary {
  const lookup = new Int32Array(1 << hashBits).fill(-1);
  buckets.forEach((bucket, id) => {
    lookup[bucket] = id;
  });
  return { lookup, buckets, idf };
}

/** Sublinear tf × idf, L2-normalised; unknown buckets are dropped. */
export function vectorize(doc: HashedCounts, vocabulary: TfidfVocabulary): SparseVector {
  const cols = new Int32Array(doc.buckets.length);
  const vals = new Float32Array(doc.buckets.length);
  let n = 0;
  let norm = 0;
  for (let i = 0; i < doc.buckets.length; i++) {
    const id = vocabulary.lookup[doc.buckets[i]];
    if (id < 0) continue;
    const value = (1 + Math.log(doc.counts[i])) * vocabulary.idf[id];
    cols[n] = id;
    vals[n++] = value;
    norm += value * value;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < n; i++) vals[i] *= scale;
  return { cols: cols.subarray(0, n), vals: vals.subarray(0, n) };
}

export function toMatrix(docs: readonly HashedCounts[], vocabulary: TfidfVocabulary): SparseMatrix {
  const rows = docs.map((doc) => vectorize(doc, vocabulary));
  const rowPtr = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => {
    rowPtr[i + 1] = rowPtr[i] + row.cols.length;
  });
  const cols = new Int32Array(rowPtr[rows.length]);
  const vals = new Float32Array(rowPtr[rows.length]);
  rows.forEach((row, i) => {
    cols.set(row.cols, rowPtr[i]);
    vals.set(row.vals, rowPtr[i]);
  });
  return { rowPtr, cols, vals, nCols: vocabulary.buckets.length };
}
