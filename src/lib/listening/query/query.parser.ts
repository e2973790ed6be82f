import { INTENTS } from '../../triage/index.ts';

/**
 * The topic query language: words (`refund`, trailing wildcard `refun*`), "phrases", `a NEAR/3 b`, `#tag`,
 * `@handle`, fields (`author:`, `lang:`, `source:`, `followers:>1000`, `sentiment:negative`,
 * `intent:complaint`, `has:link`), combined with AND (or nothing between), OR, NOT (or a leading `-`) and
 * parentheses. AND binds tighter than OR. Parsed into a tree the listening repo compiles to SQL.
 */
export type QueryNode =
  | { type: 'and'; items: QueryNode[] }
  | { type: 'or'; items: QueryNode[] }
  | { type: 'not'; item: QueryNode }
  | { type: 'word'; value: string; prefix: boolean }
  | { type: 'phrase'; value: string }
  | { type: 'near'; left: string; right: string; distance: number }
  | { type: 'hashtag'; value: string }
  | { type: 'handle'; value: string }
  | { type: 'field'; field: 'author' | 'lang' | 'source' | 'sentiment' | 'intent' | 'has'; value: string }
  | { type: 'followers'; op: '>' | '>=' | '<' | '<=' | '='; value: number };

export const QUERY_FIELDS = ['author', 'lang', 'source', 'followers', 'sentiment', 'intent', 'has'] as const;
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export const MENTION_SOURCES = ['souk', 'twitter', 'mastodon', 'bluesky', 'csv', 'jsonl'] as const;
export const MAX_QUERY_LENGTH = 2000;
const MAX_TERMS = 100;
export const MAX_NEAR = 20;

/** Where a query stops making sense: the character offset (0-based), what was expected there, what was found. */
export class QuerySyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`at position ${position + 1}: expected ${expected}, found ${found}`);
  }
}

type Token =
  | { kind: '(' | ')' | 'AND' | 'OR' | 'NOT' | 'end'; pos: number; text: string }
  | { kind: 'NEAR'; pos: number; text: string; distance: number }
  | { kind: 'phrase'; pos: number; text: string; value: string }
  | { kind: 'word'; pos: number; text: string; negated: boolean };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push({ kind: c, pos: i, text: c });
      i++;
      continue;
    }
    if (c === '"') {
      const end = input.indexOf('"', i + 1);
      if (end === -1) throw new QuerySyntaxError(input.length, 'a closing "', 'the end of the query');
      tokens.push({ kind: 'phrase', pos: i, text: input.slice(i, end + 1), value: input.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const start = i;
    // a word runs to a space, a parenthesis or a quote; `field:"quoted value"` keeps its quotes
    while (i < input.length && !/[\s()"]/.test(input[i])) i++;
    if (input[i] === '"' && input[i - 1] === ':') {
      const end = input.indexOf('"', i + 1);
      if (end === -1) throw new QuerySyntaxError(input.length, 'a closing "', 'the end of the query');
      i = end + 1;
    }
    const text = input.slice(start, i);
    if (text === 'AND' || text === 'OR' || text === 'NOT') tokens.push({ kind: text, pos: start, text });
    else if (/^NEAR\/\d+$/.test(text)) {
      const distance = Number(text.slice(5));
      if (distance < 1 || distance > MAX_NEAR)
        throw new QuerySyntaxError(start + 5, `a NEAR distance from 1 to ${MAX_NEAR}`, String(distance));
      tokens.push({ kind: 'NEAR', pos: start, text, distance });
    } else if (text === 'NEAR' || text.startsWith('NEAR/')) {
      throw new QuerySyntaxError(start, 'NEAR/n with a distance n, as in NEAR/3', JSON.stringify(text));
    } else if (text.startsWith('-') && text.length > 1) {
      tokens.push({ kind: 'word', pos: start + 1, text: text.slice(1), negated: true });
    } else tokens.push({ kind: 'word', pos: start, text, negated: false });
  }
  tokens.push({ kind: 'end', pos: input.length, text: '' });
  return tokens;
}

const describe = (t: Token) => (t.kind === 'end' ? 'the end of the query' : JSON.stringify(t.text));

/** Parses a topic query; throws QuerySyntaxError naming the position and what was expected. */
export function parseQuery(input: string): QueryNode {
  if (input.length > MAX_QUERY_LENGTH)
    throw new QuerySyntaxError(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`, 'more');
  const tokens = tokenize(input);
  let at = 0;
  let terms = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];

  function or(): QueryNode {
    const items = [and()];
    while (peek().kind === 'OR') {
      next();
      items.push(and());
    }
    return items.length === 1 ? items[0] : { type: 'or', items };
  }
  function and(): QueryNode {
    const items = [unary()];
    for (;;) {
      const t = peek();
      if (t.kind === 'AND') {
        next();
        items.push(unary());
      } else if (t.kind === 'word' || t.kind === 'phrase' || t.kind === '(' || t.kind === 'NOT')
        items.push(unary());
      else break;
    }
    return items.length === 1 ? items[0] : { type: 'and', items };
  }
  function unary(): QueryNode {
    if (peek().kind === 'NOT') {
      next();
      return { type: 'not', item: unary() };
    }
    return primary();
  }
  function primary(): QueryNode {
    const t = next();
    if (++terms > MAX_TERMS) throw new QuerySyntaxError(t.pos, `at most ${MAX_TERMS} terms`, 'more');
    if (t.kind === '(') {
      if (peek().kind === ')') throw new QuerySyntaxError(peek().pos, 'a term inside the parentheses', '")"');
      const inner = or();
      const close = next();
      if (close.kind !== ')') throw new QuerySyntaxError(close.pos, '")" or an operator', describe(close));
      return inner;
    }
    if (t.kind === 'phrase') {
      if (!/[\p{L}\p{N}]/u.test(t.value))
        throw new QuerySyntaxError(t.pos + 1, 'a word inside the quotes', describe(t));
      return near({ type: 'phrase', value: t.value });
    }
    if (t.kind === 'word') {
      const node = atom(t);
      return t.negated ? { type: 'not', item: node } : node;
    }
    throw new QuerySyntaxError(t.pos, 'a word, a "phrase", a field or "("', describe(t));
  }
  function near(left: QueryNode & { type: 'phrase' | 'word' }): QueryNode {
    if (peek().kind !== 'NEAR') return left;
    const op = next() as Token & { kind: 'NEAR' };
    const right = next();
    if (right.kind !== 'word' && right.kind !== 'phrase')
      throw new QuerySyntaxError(right.pos, 'a word after NEAR', describe(right));
    const rightNode = right.kind === 'phrase' ? { type: 'phrase' as const, value: right.value } : atom(right);
    if (rightNode.type !== 'word' && rightNode.type !== 'phrase')
      throw new QuerySyntaxError(right.pos, 'a word after NEAR', describe(right));
    if (left.type === 'word' && left.prefix)
      throw new QuerySyntaxError(op.pos, 'no wildcard before NEAR', '*');
    if (rightNode.type === 'word' && rightNode.prefix)
      throw new QuerySyntaxError(right.pos, 'no wildcard after NEAR', '*');
    return { type: 'near', left: left.value, right: rightNode.value, distance: op.distance };
  }
  function atom(t: Token & { kind: 'word' }): QueryNode {
    const text = t.text;
    if (text.startsWith('#')) {
      const tag = text.slice(1).toLowerCase();
      if (!/^[\p{L}\p{N}_]+$/u.test(tag))
        throw new QuerySyntaxError(t.pos + 1, 'a hashtag name after #', describe(t));
      return { type: 'hashtag', value: tag };
    }
    if (text.startsWith('@')) {
      const handle = text.slice(1).toLowerCase();
      if (!/^[a-z0-9_][a-z0-9_.-]*$/.test(handle))
        throw new QuerySyntaxError(t.pos + 1, 'a handle after @', describe(t));
      return { type: 'handle', value: handle };
    }
    const colon = text.indexOf(':');
    if (colon > 0 && /^[a-z]+$/i.test(text.slice(0, colon)))
      return field(t, text.slice(0, colon).toLowerCase(), colon);
    const prefix = text.endsWith('*');
    const value = prefix ? text.slice(0, -1) : text;
    if (value.includes('*'))
      throw new QuerySyntaxError(
        t.pos + value.indexOf('*'),
        'a wildcard only at the end of a word',
        describe(t),
      );
    if (!/[\p{L}\p{N}]/u.test(value)) throw new QuerySyntaxError(t.pos, 'a word', describe(t));
    if (prefix && value.length < 2)
      throw new QuerySyntaxError(t.pos, 'at least two letters before *', describe(t));
    return near({ type: 'word', value, prefix });
  }
  function field(t: Token, name: string, colon: number): QueryNode {
    let value = t.text.slice(colon + 1);
    const valuePos = t.pos + colon + 1;
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    const oneOf = (allowed: readonly string[]) => {
      const v = value.toLowerCase();
      if (!allowed.includes(v))
        throw new QuerySyntaxError(valuePos, `one of ${allowed.join(', ')}`, JSON.stringify(value));
      return v;
    };
    switch (name) {
      case 'author':
      case 'lang': {
        const v = value.replace(/^@/, '').toLowerCase();
        const ok = name === 'lang' ? /^[a-z]{2,3}$/.test(v) : /^[^\s]{1,200}$/.test(v);
        if (!ok)
          throw new QuerySyntaxError(
            valuePos,
            name === 'lang' ? 'a language code such as en' : 'an author handle',
            JSON.stringify(value),
          );
        return { type: 'field', field: name, value: v };
      }
      case 'source':
        return { type: 'field', field: 'source', value: oneOf(MENTION_SOURCES) };
      case 'sentiment':
        return { type: 'field', field: 'sentiment', value: oneOf(SENTIMENTS) };
      case 'intent':
        return { type: 'field', field: 'intent', value: oneOf(INTENTS) };
      case 'has':
        return { type: 'field', field: 'has', value: oneOf(['link']) };
      case 'followers': {
        const m = /^(>=|<=|>|<|=)?(\d{1,10})$/.exec(value);
        const n = m ? Number(m[2]) : Number.NaN;
        if (!m || n > 2_147_483_647)
          throw new QuerySyntaxError(valuePos, 'a comparison such as >1000', JSON.stringify(value));
        return { type: 'followers', op: (m[1] ?? '>=') as '>' | '>=' | '<' | '<=' | '=', value: n };
      }
      default:
        throw new QuerySyntaxError(
          t.pos,
          `a known field (${QUERY_FIELDS.join(', ')})`,
          JSON.stringify(`${name}:`),
        );
    }
  }

  if (peek().kind === 'end')
    throw new QuerySyntaxError(0, 'a word, a "phrase", a field or "("', 'an empty query');
  const tree = or();
  const rest = peek();
  if (rest.kind !== 'end')
    throw new QuerySyntaxError(rest.pos, 'an operator or the end of the query', describe(rest));
  if (!hasPositive(tree))
    throw new QuerySyntaxError(0, 'at least one term that is not negated', 'only NOT terms');
  return tree;
}

/** A query made only of NOTs would match almost everything: it must say what it is about. */
function hasPositive(node: QueryNode): boolean {
  if (node.type === 'not') return false;
  if (node.type === 'and') return node.items.some(hasPositive);
  if (node.type === 'or') return node.items.every(hasPositive);
  return true;
}
