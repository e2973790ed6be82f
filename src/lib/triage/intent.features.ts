import type { TextTokens } from './text.tokenizer.ts';

/** How a message becomes hashed n-gram counts; stored in the model so training and serving agree. */
export type FeatureConfig = {
  /** Buckets = 2^hashBits; collisions below 2^18 start to cost accuracy on 150-class sets. */
  hashBits: number;
  /** Character n-gram lengths inside word boundaries (" word "), which survive typos and inflection. */
  charMin: number;
  charMax: number;
  wordBigrams: boolean;
  /** Adds the social-register markers of `social.cues.ts` (tagged brands, prices, sarcasm, tone). */
  socialCues?: boolean;
  /** Adds the lexicon's compound score as a bucketed marker (`sentiment.scorer.ts`; the sentiment model). */
  lexiconCues?: boolean;
  /** Only the cue markers, no word or character n-grams (a model that must carry to text unlike its training). */
  cuesOnly?: boolean;
};

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  hashBits: 18,
  charMin: 2,
  charMax: 5,
  wordBigrams: true,
};

/** Unique buckets, in order of first occurrence, with their raw counts. */
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

// One scratch buffer reused across calls: triage runs per message, and a fresh array per message was a
// third of the classifier's time. Not re-entrant, which is fine for synchronous single-threaded calls.
let scratch = new Uint32Array(4096);
let used = 0;

function push(bucket: number): void {
  if (used === scratch.length) {
    const grown = new Uint32Array(scratch.length * 2);
    grown.set(scratch);
    scratch = grown;
  }
  scratch[used++] = bucket;
}

// Hashes every n-gram of " term " without building the padded string: positions 0 and length+1 are spaces.
function pushCharGrams(term: string, config: FeatureConfig, mask: number): void {
  const length = term.length + 2;
  for (let start = 0; start < length; start++) {
    let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
    const end = Math.min(length, start + config.charMax);
    for (let i = start; i < end; i++) {
      const code = i === 0 || i === length - 1 ? 32 : term.charCodeAt(i - 1);
      h = Math.imul(h ^ code, FNV_PRIME);
      if (i - start + 1 >= config.charMin) push((h >>> 0) & mask);
    }
  }
}

/**
 * Every hashed feature occurrence of the terms, repeats included: word unigrams, bigrams (with a start marker)
 * and character n-grams of word-like terms; then `extras` as unigrams only (markers such as suggestion cues,
 * which must not form bigrams with the words). The result is a view of a shared buffer, valid until the next call.
 */
export function hashTermsRaw(
  terms: readonly string[],
  config: FeatureConfig,
  extras: readonly string[] = [],
): Uint32Array {
  const mask = (1 << config.hashBits) - 1;
  used = 0;
  let previous = hashString('<s>', SEED_WORD);
  for (const term of terms) {
    const h = hashString(term, SEED_WORD);
    push(h & mask);
    if (config.wordBigrams) push(mixHashes(previous, h) & mask);
    if (isWordLike(term)) pushCharGrams(term, config, mask);
    previous = h;
  }
  for (const extra of extras) push(hashString(extra, SEED_WORD) & mask);
  return scratch.subarray(0, used);
}

/** Unique hashed features of the terms with their counts (what training needs before a vocabulary exists). */
export function hashTerms(
  terms: readonly string[],
  config: FeatureConfig,
  extras: readonly string[] = [],
): HashedCounts {
  return countUnique(hashTermsRaw(terms, config, extras), config.hashBits);
}

// Counting through a dense bucket table stamped per call beats sorting the buckets by 2×: V8's typed-array
// sort took as long as all the hashing.
let stamps = new Uint32Array(0);
let positions = new Int32Array(0);
let generation = 0;

function countUnique(raw: Uint32Array, hashBits: number): HashedCounts {
  if (stamps.length !== 1 << hashBits || generation === 0xffffffff) {
    stamps = new Uint32Array(1 << hashBits);
    positions = new Int32Array(1 << hashBits);
    generation = 0;
  }
  generation++;
  const buckets = new Uint32Array(raw.length);
  const counts = new Float32Array(raw.length);
  let n = 0;
  for (const bucket of raw) {
    if (stamps[bucket] === generation) counts[positions[bucket]] += 1;
    else {
      stamps[bucket] = generation;
      positions[bucket] = n;
      buckets[n] = bucket;
      counts[n++] = 1;
    }
  }
  return { buckets: buckets.slice(0, n), counts: counts.slice(0, n) };
}
