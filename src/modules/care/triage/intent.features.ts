import type { TextTokens } from './text.tokenizer.ts';

/** How a message becomes hashed n-gram counts; stored in the model so training and serving agree. */
export type FeatureConfig = {
  /** Buckets = 2^hashBits; collisions below 2^18 start to cost accuracy on 150-class sets. */
  hashBits: number;
  /** Character n-gram lengths inside word boundaries (" word "), which survive typos and inflection. */
  charMin: number;
  charMax: number;
  wordBigrams: boolean;
};

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  hashBits: 18,
  charMin: 2,
  charMax: 5,
  wordBigrams: true,
};

/** Sorted unique buckets with their raw counts. */
export type HashedCounts = { buckets: Uint32Array; counts: Float32Array };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Distinct seeds keep a word, a bigram and a character n-gram with the same text in different buckets.
const SEED_WORD = 0x9e3779b1;
const SEED_BIGRAM = 0x85ebca77;
const SEED_CHAR = 0xc2b2ae3d;

function hashString(text: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

function mixHashes(a: number, b: number): number {
  const h = Math.imul(a ^ Math.imul(b, 0x27d4eb2d) ^ SEED_BIGRAM, FNV_PRIME);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Word terms for the classifier: placeholders for handles, links and numbers so that no one value is learnt. */
export function intentTerms(tokens: TextTokens): string[] {
  const terms: string[] = [];
  for (let i = 0; i < tokens.normals.length; i++) {
    const term = termFor(tokens.types[i], tokens.normals[i]);
    if (term !== '') terms.push(term);
  }
  return terms;
}

function termFor(type: string, normal: string): string {
  switch (type) {
    case 'mention':
      return '@user';
    case 'url':
    case 'email':
      return '<link>';
    case 'number':
    case 'ordinal':
      return '<num>';
    case 'currency':
      return '<cur>';
    case 'hashtag':
      return normal.slice(1);
    case 'tabCRLF':
    case 'tabCR':
    case 'tabLF':
    case 'tab':
      return '';
    default:
      return normal;
  }
}

function isWordLike(term: string): boolean {
  const c = term.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
}

function pushCharGrams(out: number[], term: string, config: FeatureConfig, mask: number): void {
  const padded = ` ${term} `;
  for (let start = 0; start < padded.length; start++) {
    let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
    const end = Math.min(padded.length, start + config.charMax);
    for (let i = start; i < end; i++) {
      h = Math.imul(h ^ padded.charCodeAt(i), FNV_PRIME);
      if (i - start + 1 >= config.charMin) out.push((h >>> 0) & mask);
    }
  }
}

/** Hashes word unigrams, bigrams (with a start marker) and character n-grams of word-like terms. */
export function hashTerms(terms: readonly string[], config: FeatureConfig): HashedCounts {
  const mask = (1 << config.hashBits) - 1;
  const raw: number[] = [];
  let previous = hashString('<s>', SEED_WORD);
  for (const term of terms) {
    const h = hashString(term, SEED_WORD);
    raw.push(h & mask);
    if (config.wordBigrams) raw.push(mixHashes(previous, h) & mask);
    if (isWordLike(term)) pushCharGrams(raw, term, config, mask);
    previous = h;
  }
  return countSorted(Uint32Array.from(raw).sort());
}

function countSorted(sorted: Uint32Array): HashedCounts {
  const buckets = new Uint32Array(sorted.length);
  const counts = new Float32Array(sorted.length);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (n > 0 && buckets[n - 1] === sorted[i]) counts[n - 1] += 1;
    else {
      buckets[n] = sorted[i];
      counts[n] = 1;
      n++;
    }
  }
  return { buckets: buckets.subarray(0, n), counts: counts.subarray(0, n) };
}
