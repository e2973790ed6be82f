import { describe, expect, it } from 'vitest';
import { charCount, parseText } from './entities.ts';

describe('parseText', () => {
  it('should not take an e-mail address for a mention', () => {
    expect(parseText('write to help@acme.com').mentions).toEqual([]);
  });

  it('should strip trailing punctuation from a link so the sentence keeps its full stop', () => {
    const text = 'See (https://example.com/a?b=1).';
    const [link] = parseText(text).links;
    expect(link.url).toBe('https://example.com/a?b=1');
    expect(text.slice(link.start, link.end)).toBe(link.url);
  });

  it('should not find tags or mentions inside a link', () => {
    const parsed = parseText('https://example.com/#top and https://x.example/@someone');
    expect(parsed.hashtags).toEqual([]);
    expect(parsed.mentions).toEqual([]);
  });

  it('should lowercase hashtags, accept non-English letters and skip pure numbers', () => {
    expect(parseText('#Café #2024 #año2025').hashtags.map((h) => h.tag)).toEqual(['café', 'año2025']);
  });

  it('should give offsets that slice back to the mention', () => {
    const text = '👋 @dora hi';
    const [m] = parseText(text).mentions;
    expect(text.slice(m.start, m.end)).toBe('@dora');
  });
});

describe('charCount', () => {
  it('should count an emoji as one character', () => {
    expect(charCount('🎉ab')).toBe(3);
  });
});
