import { describe, expect, it } from 'vitest';
import { decodeIntentModel, encodeIntentModel } from './intent-model.codec.ts';
import { classifyText, DEFAULT_CLASSIFIER_OPTIONS, trainTextClassifier } from './text.classifier.ts';

const EXAMPLES = [
  ...['where is my parcel', 'my parcel never came', 'parcel missing again', 'still no parcel today'].map(
    (text) => ({
      text,
      label: 'delivery',
    }),
  ),
  ...['refund my money please', 'I want a refund', 'how do I get my money back', 'refund not received'].map(
    (text) => ({ text, label: 'refund' }),
  ),
];
const OPTIONS = {
  ...DEFAULT_CLASSIFIER_OPTIONS,
  minDf: 1,
  features: { ...DEFAULT_CLASSIFIER_OPTIONS.features, hashBits: 12 },
};

describe('trainTextClassifier', () => {
  it('should label unseen wordings by their shared words when trained on a few examples', () => {
    const model = trainTextClassifier(EXAMPLES, OPTIONS);
    expect(classifyText(model, 'my parcels are missing').label).toBe('delivery');
    expect(classifyText(model, 'still waiting for the refund').label).toBe('refund');
  });

  it('should give the same weights when trained twice with the same seed', () => {
    const first = trainTextClassifier(EXAMPLES, OPTIONS);
    const second = trainTextClassifier(EXAMPLES, OPTIONS);
    expect(Array.from(second.model.weights)).toEqual(Array.from(first.model.weights));
  });

  it('should reject a label outside the given classes', () => {
    expect(() => trainTextClassifier(EXAMPLES, OPTIONS, ['delivery'])).toThrow(/refund/);
  });
});

describe('intent model file', () => {
  it('should predict the same labels after it is encoded to JSON and decoded', () => {
    const model = trainTextClassifier(EXAMPLES, OPTIONS);
    const restored = decodeIntentModel(JSON.parse(JSON.stringify(encodeIntentModel(model, {}))));
    for (const text of ['parcel lost', 'refund please', 'money back now', 'where is it']) {
      expect(classifyText(restored, text).label).toBe(classifyText(model, text).label);
    }
  });

  it('should refuse a file of another format', () => {
    const file = { ...encodeIntentModel(trainTextClassifier(EXAMPLES, OPTIONS), {}), format: 'other' };
    expect(() => decodeIntentModel(file as never)).toThrow(/format/);
  });
});
