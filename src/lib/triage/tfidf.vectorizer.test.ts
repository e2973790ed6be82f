import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG, hashTerms, hashTermsRaw } from './intent.features.ts';
import { fitVocabulary, vectorize, vectorizeBuckets } from './tfidf.vectorizer.ts';

const config = { ...DEFAULT_FEATURE_CONFIG, hashBits: 14 };
const training = ['my parcel is late again', 'where is my parcel', 'late late late'].map((t) =>
  hashTerms(t.split(' '), config),
);
const vocabulary = fitVocabulary(training, config.hashBits, 1);

describe('vectorizeBuckets', () => {
  it('should give the serving path the same vector as training when a message repeats words', () => {
    const terms = 'late parcel is late unknownword'.split(' ');
    const trained = vectorize(hashTerms(terms, config), vocabulary);
    const served = vectorizeBuckets(hashTermsRaw(terms, config), vocabulary);
    expect(Array.from(served.cols)).toEqual(Array.from(trained.cols));
    expect(Array.from(served.vals)).toEqual(Array.from(trained.vals));
  });

  it('should return a unit-length vector when the message has known features', () => {
    const served = vectorizeBuckets(hashTermsRaw(['parcel', 'late'], config), vocabulary);
    expect(served.vals.reduce((sum, v) => sum + v * v, 0)).toBeCloseTo(1, 5);
  });

  it('should return an empty vector when no feature is known', () => {
    const fresh = fitVocabulary([hashTerms(['x'], config)], config.hashBits, 1);
    expect(vectorizeBuckets(hashTermsRaw(['zzzz'], config), fresh).cols.length).toBe(0);
  });
});
