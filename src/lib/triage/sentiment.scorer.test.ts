import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './sentiment.scorer.ts';

describe('scoreSentiment', () => {
  it("should read 'not good' as negative", () => {
    expect(scoreSentiment('not good')).toBeLessThan(0);
  });

  it('should score a negated contraction as negative when a customer writes "isn\'t helpful"', () => {
    expect(scoreSentiment("the agent isn't helpful at all")).toBeLessThan(0);
  });

  it("should score 'very good' above 'good' when a booster precedes the word", () => {
    expect(scoreSentiment('the food was very good')).toBeGreaterThan(scoreSentiment('the food was good'));
  });

  it('should let the clause after "but" decide when the two halves disagree', () => {
    expect(scoreSentiment('the room was nice but the staff were rude and unhelpful')).toBeLessThan(0);
  });

  it('should score a shouted word stronger when the rest of the post is not shouted', () => {
    expect(scoreSentiment('this is GREAT news')).toBeGreaterThan(scoreSentiment('this is great news'));
  });

  it('should add emphasis when a post ends in exclamation marks', () => {
    expect(scoreSentiment('great service!!!')).toBeGreaterThan(scoreSentiment('great service'));
  });

  it('should read an angry emoji as negative and a heart-eyes emoji as positive', () => {
    expect(scoreSentiment('my parcel 😡')).toBeLessThan(0);
    expect(scoreSentiment('my parcel 😍')).toBeGreaterThan(0);
  });

  it('should count an emoticon when it is written with punctuation', () => {
    expect(scoreSentiment('see you soon :)')).toBeGreaterThan(0);
  });

  it('should return 0 when a post has no sentiment words', () => {
    expect(scoreSentiment('it was shipped on tuesday')).toBe(0);
  });

  it('should read a cancelled flight with no help as negative when the care lexicon knows "canceled"', () => {
    expect(scoreSentiment('flight canceled and we are stranded at the gate')).toBeLessThan(-0.4);
  });

  // Reference values printed in vaderSentiment's README for the same sentences.
  it.each([
    ['VADER is smart, handsome, and funny.', 0.8316],
    ['VADER is VERY SMART, handsome, and FUNNY!!!', 0.9342],
    ['VADER is not smart, handsome, nor funny.', -0.7424],
    ["At least it isn't a horrible book.", 0.431],
    ['The book was only kind of good.', 0.3832],
    ['The plot was good, but the characters are uncompelling and the dialog is not great.', -0.7042],
    ["Today only kinda sux! But I'll get by, lol", 0.5249],
  ])('should match VADER compound when scoring %j', (text, expected) => {
    expect(scoreSentiment(text)).toBeCloseTo(expected, 3);
  });
});
