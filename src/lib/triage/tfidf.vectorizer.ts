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
  const counts = new Float32Array(doc.buckets.length);
  let n = 0;
  for (let i = 0; i < doc.buckets.length; i++) {
    const id = vocabulary.lookup[doc.buckets[i]];
    if (id < 0) continue;
    cols[n] = id;
    counts[n++] = doc.counts[i];
  }
  return weigh(cols.subarray(0, n), counts.subarray(0, n), vocabulary);
}

// Scratch for vectorizeBuckets: per-feature stamp and slot interleaved (one cache line per lookup), and
// the output buffers, reused across calls because serving allocates nothing else per message.
let stampSlots = new Int32Array(0);
let generation = 0;
let outCols = new Int32Array(1024);
let outVals = new Float32Array(1024);

function prepareScratch(features: number, raw: number): void {
  if (stampSlots.length < 2 * features || generation >= 0x7fffffff) {
    stampSlots = new Int32Array(2 * features);
    generation = 0;
  }
  if (outCols.length < raw) {
    outCols = new Int32Array(raw * 2);
    outVals = new Float32Array(raw * 2);
  }
  generation++;
}

/**
 * Same vector as `vectorize(countUnique(raw))`, counting known features only: the serving path, which skips a
 * pass over a table of every hash bucket. The result views shared buffers, valid until the next call.
 */
export function vectorizeBuckets(raw: Uint32Array, vocabulary: TfidfVocabulary): SparseVector {
  prepareScratch(vocabulary.idf.length, raw.length);
  let n = 0;
  for (const bucket of raw) {
    const id = vocabulary.lookup[bucket];
    if (id < 0) continue;
    if (stampSlots[2 * id] === generation) outVals[stampSlots[2 * id + 1]] += 1;
    else {
      stampSlots[2 * id] = generation;
      stampSlots[2 * id + 1] = n;
      outCols[n] = id;
      outVals[n++] = 1;
    }
  }
  return weigh(outCols.subarray(0, n), outVals.subarray(0, n), vocabulary);
}

function weigh(cols: Int32Array, counts: Float32Array, vocabulary: TfidfVocabulary): SparseVector {
  let norm = 0;
  for (let i = 0; i < cols.length; i++) {
    const count = counts[i];
    counts[i] = (count === 1 ? 1 : 1 + Math.log(count)) * vocabulary.idf[cols[i]];
    norm += counts[i] * counts[i];
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < cols.length; i++) counts[i] *= scale;
  return { cols, vals: counts };
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
