import { describe, expect, it } from 'vitest';
import { parseQuery, QuerySyntaxError } from './query.parser.ts';

const errorOf = (q: string) => {
  try {
    parseQuery(q);
  } catch (err) {
    if (err instanceof QuerySyntaxError)
      return { position: err.position, expected: err.expected, found: err.found };
    throw err;
  }
  throw new Error(`"${q}" parsed`);
};

describe('topic query language', () => {
  it('reads words, phrases, wildcards, NEAR, tags, handles and fields with AND binding tighter than OR', () => {
    expect(parseQuery('acme OR "acme shoes" refun* -spam')).toEqual({
      type: 'or',
      items: [
        { type: 'word', value: 'acme', prefix: false },
        {
          type: 'and',
          items: [
            { type: 'phrase', value: 'acme shoes' },
            { type: 'word', value: 'refun', prefix: true },
            { type: 'not', item: { type: 'word', value: 'spam', prefix: false } },
          ],
        },
      ],
    });
    expect(parseQuery('(late OR lost) NEAR_ignored')).toMatchObject({ type: 'and' });
    expect(parseQuery('delivery NEAR/3 late')).toEqual({
      type: 'near',
      left: 'delivery',
      right: 'late',
      distance: 3,
    });
    expect(parseQuery('#AcmeFail AND @AcmeCare AND NOT lang:FR')).toEqual({
      type: 'and',
      items: [
        { type: 'hashtag', value: 'acmefail' },
        { type: 'handle', value: 'acmecare' },
        { type: 'not', item: { type: 'field', field: 'lang', value: 'fr' } },
      ],
    });
    expect(
      parseQuery('followers:>1000 sentiment:negative intent:complaint has:link source:mastodon author:@Bob'),
    ).toEqual({
      type: 'and',
      items: [
        { type: 'followers', op: '>', value: 1000 },
        { type: 'field', field: 'sentiment', value: 'negative' },
        { type: 'field', field: 'intent', value: 'complaint' },
        { type: 'field', field: 'has', value: 'link' },
        { type: 'field', field: 'source', value: 'mastodon' },
        { type: 'field', field: 'author', value: 'bob' },
      ],
    });
  });

  it('names the position and what was expected when a query does not parse', () => {
    expect(errorOf('acme AND')).toEqual({
      position: 8,
      expected: 'a word, a "phrase", a field or "("',
      found: 'the end of the query',
    });
    expect(errorOf('(acme OR shoes')).toMatchObject({ position: 14, expected: '")" or an operator' });
    expect(errorOf('acme )')).toMatchObject({ position: 5, expected: 'an operator or the end of the query' });
    expect(errorOf('"acme shoes')).toMatchObject({ position: 11, expected: 'a closing "' });
    expect(errorOf('colour:red')).toMatchObject({ position: 0, found: '"colour:"' });
    expect(errorOf('sentiment:angry')).toMatchObject({
      position: 10,
      expected: 'one of negative, neutral, positive',
    });
    expect(errorOf('followers:lots')).toMatchObject({ position: 10, expected: 'a comparison such as >1000' });
    expect(errorOf('a NEAR/0 b')).toMatchObject({ position: 7 });
    expect(errorOf('a NEAR b')).toMatchObject({ position: 2 });
    expect(errorOf('ac*me')).toMatchObject({ position: 2, expected: 'a wildcard only at the end of a word' });
    expect(errorOf('NOT acme')).toMatchObject({ expected: 'at least one term that is not negated' });
    expect(errorOf('')).toMatchObject({ found: 'an empty query' });
    expect(errorOf('()')).toMatchObject({ position: 1 });
  });
});
