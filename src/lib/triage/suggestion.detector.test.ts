import { describe, expect, it } from 'vitest';
import { shippedSuggestionDetector } from './intent.classifier.ts';
import {
  type SuggestionExample,
  suggestionProbability,
  trainSuggestionDetector,
} from './suggestion.detector.ts';
import { tokenizeText } from './text.tokenizer.ts';
import { decideIntent, SUGGESTION_THRESHOLD } from './triage.service.ts';
import type { INTENTS } from './triage.types.ts';

const example = (text: string, isSuggestion: boolean): SuggestionExample => ({
  text,
  isSuggestion,
  weight: 1,
});

describe('trainSuggestionDetector', () => {
  it('should generalise a cue to new words when trained on a few sentences', () => {
    const detector = trainSuggestionDetector(
      [
        example('please add a dark theme', true),
        example('please add offline maps', true),
        example('it would be nice to have tabs', true),
        example('it would be great to have filters', true),
        example('the app crashed again', false),
        example('I installed the update yesterday', false),
        example('the app crashed twice yesterday', false),
        example('I installed the theme yesterday', false),
      ],
      {
        features: { hashBits: 16, charMin: 2, charMax: 0, wordBigrams: true },
        minDf: 1,
        train: { epochs: 30, l2: 1e-4, learningRate: 0.5, seed: 7 },
      },
    );
    const p = (text: string) => suggestionProbability(detector, tokenizeText(text));
    expect(p('it would be helpful to have subtitles')).toBeGreaterThan(p('the train was late yesterday'));
  });
});

describe('shipped suggestion detector', () => {
  const p = (text: string) => suggestionProbability(shippedSuggestionDetector(), tokenizeText(text));

  it('should flag a feature request when it is phrased as a wish or an imperative', () => {
    expect(p('It would be great if the app let us export our workouts')).toBeGreaterThan(
      SUGGESTION_THRESHOLD,
    );
    expect(p('Please add a dark mode to the mobile app')).toBeGreaterThan(SUGGESTION_THRESHOLD);
  });

  it('should not flag a message when it reports, asks or thanks', () => {
    expect(p('My parcel arrived two days late')).toBeLessThan(SUGGESTION_THRESHOLD);
    expect(p('How do I change my delivery address?')).toBeLessThan(SUGGESTION_THRESHOLD);
    expect(p('Thanks for the quick reply')).toBeLessThan(SUGGESTION_THRESHOLD);
  });
});

describe('decideIntent', () => {
  const prediction = (label: (typeof INTENTS)[number], probabilities: number[]) => ({
    label,
    confidence: Math.max(...probabilities),
    probabilities: Float64Array.from(probabilities),
  });
  // question, complaint, purchase_intent, product_price_request, rfp, idea, praise, chatter
  const ideaFirst = prediction('idea', [0.1, 0.05, 0, 0, 0, 0.6, 0.05, 0.2]);

  it('should call it an idea when the detector is above the threshold', () => {
    const chatter = prediction('chatter', [0.1, 0.1, 0, 0, 0, 0.1, 0.1, 0.6]);
    expect(decideIntent(chatter, 0.9)).toEqual({ intent: 'idea', confidence: 0.9 });
  });

  it('should keep a complaint when the detector also sees a suggestion', () => {
    const complaint = prediction('complaint', [0.1, 0.7, 0, 0, 0, 0.1, 0, 0.1]);
    expect(decideIntent(complaint, 0.9).intent).toBe('complaint');
  });

  it("should keep the intent model's own idea when the detector says no idea", () => {
    const decided = decideIntent(ideaFirst, 0.01);
    expect(decided.intent).toBe('idea');
    expect(decided.confidence).toBe(ideaFirst.confidence);
  });
});
