import { describe, expect, it } from 'vitest';
import {
  adjustedPredictor,
  decodeAdjustment,
  encodeAdjustment,
  splitHoldOut,
  trainBrandAdjustment,
} from './brand-intent.adapter.ts';
import { shippedIntentClassifier } from './intent.classifier.ts';
import { classifyText } from './text.classifier.ts';
import { tokenizeText } from './text.tokenizer.ts';
import { expandSeeds } from './training/intent-seed.data.ts';

const PITCHES = [
  "I'm a beauty creator with 40k followers, would love to collab with you",
  'fitness influencer here, open to a sponsored post for your serum?',
  'we are a youtube channel about skincare, interested in a paid partnership?',
  'micro influencer with 12k on tiktok, can I review your new cream?',
  "hey! content creator here, let's work together on your summer launch",
  'do you send PR packages to creators? I have 25k followers',
].map((text) => ({ text: `@glowco ${text}`, label: 'rfp' }));

describe('brand intent adjustment', () => {
  const shipped = shippedIntentClassifier();
  const anchors = expandSeeds(1).map((s) => s.text);

  it('should turn a new message of the corrected kind into the corrected intent', () => {
    const text = '@glowco skincare creator with 30k followers, would love a collab on your toner';
    expect(classifyText(shipped, text).label).not.toBe('rfp');
    const predict = adjustedPredictor(shipped, trainBrandAdjustment(shipped, PITCHES, anchors));
    expect(predict(tokenizeText(text)).label).toBe('rfp');
  });

  it('should keep the shipped label of every seed utterance it was anchored on', () => {
    const predict = adjustedPredictor(shipped, trainBrandAdjustment(shipped, PITCHES, anchors));
    const changed = expandSeeds(1).filter(
      (s) => predict(tokenizeText(s.text)).label !== classifyText(shipped, s.text).label,
    );
    expect(changed).toEqual([]);
  });

  it('should predict the same after a round trip through its stored form', () => {
    const adjustment = trainBrandAdjustment(shipped, PITCHES, anchors);
    const stored = JSON.parse(JSON.stringify(encodeAdjustment(adjustment)));
    const a = adjustedPredictor(shipped, adjustment)(tokenizeText(PITCHES[0].text));
    const b = adjustedPredictor(shipped, decodeAdjustment(stored, shipped))(tokenizeText(PITCHES[0].text));
    expect(b.label).toBe(a.label);
    expect(b.confidence).toBeCloseTo(a.confidence, 6);
  });

  it('should hold out a seeded share and keep every item exactly once', () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    const { train, heldOut } = splitHoldOut(items, 0.25);
    expect(heldOut).toHaveLength(3);
    expect([...train, ...heldOut].sort((x, y) => x - y)).toEqual(items);
    expect(splitHoldOut(items, 0.25)).toEqual({ train, heldOut });
  });
});
