import { describe, expect, it } from 'vitest';
import { createMentionMatcher, mentionWords } from './mentions.matcher.ts';

const match = (names: string[], text: string) => createMentionMatcher(names)(mentionWords(text));

describe('createMentionMatcher', () => {
  it('should find a multi-word product when the post names it in any case', () => {
    expect(match(['Air Max 90'], 'my AIR MAX 90 sole came off')).toEqual(['Air Max 90']);
  });

  it('should find a product when the post writes it as a hashtag or handle', () => {
    expect(match(['Air Max 90', 'Gift Card'], '#airmax90 and @GiftCard')).toEqual([
      'Air Max 90',
      'Gift Card',
    ]);
  });

  it('should not match when the name is only part of a longer word', () => {
    expect(match(['Delta'], 'the deltas of rivers')).toEqual([]);
  });

  it('should list each name once, in order of first mention', () => {
    expect(match(['United', 'Delta'], 'Delta beats United, Delta again')).toEqual(['Delta', 'United']);
  });
});
