import { type Expression, type SqlBool, sql } from 'kysely';
import type { QueryNode } from '../../../lib/listening/index.ts';

/** Lower-cased words of a term as the `simple` text-search parser splits them. */
const wordsOf = (value: string) =>
  value
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
/** A quoted tsquery lexeme: `'` doubled and `\` escaped, so no input can become an operator. */
const lexeme = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const phraseOf = (value: string) => {
  const words = wordsOf(value);
  return words.length === 1 ? lexeme(words[0]) : `(${words.map(lexeme).join(' <-> ')})`;
};

const SENTIMENT_SQL = {
  negative: sql<SqlBool>`m.sentiment < -0.1`,
  neutral: sql<SqlBool>`m.sentiment BETWEEN -0.1 AND 0.1`,
  positive: sql<SqlBool>`m.sentiment > 0.1`,
} as const;
const COMPARE = { '>': sql`>`, '>=': sql`>=`, '<': sql`<`, '<=': sql`<=`, '=': sql`=` } as const;

/**
 * A parsed topic query as a SQL condition over `listening_mentions AS m`: words, phrases and NEAR are
 * `tsquery` matches on the GIN-indexed `search` column, fields are comparisons of plain columns, every value
 * a bound parameter.
 */
export function matchOf(node: QueryNode): Expression<SqlBool> {
  switch (node.type) {
    case 'and':
      return sql<SqlBool>`(${sql.join(node.items.map(matchOf), sql` AND `)})`;
    case 'or':
      return sql<SqlBool>`(${sql.join(node.items.map(matchOf), sql` OR `)})`;
    case 'not':
      return sql<SqlBool>`NOT ${matchOf(node.item)}`;
    case 'word': {
      if (!node.prefix) return sql<SqlBool>`m.search @@ phraseto_tsquery('simple', ${node.value})`;
      const words = wordsOf(node.value);
      const last = `${lexeme(words[words.length - 1])}:*`;
      const query =
        words.length === 1 ? last : `(${[...words.slice(0, -1).map(lexeme), last].join(' <-> ')})`;
      return sql<SqlBool>`m.search @@ to_tsquery('simple', ${query})`;
    }
    case 'phrase':
      return sql<SqlBool>`m.search @@ phraseto_tsquery('simple', ${node.value})`;
    case 'near': {
      const a = phraseOf(node.left);
      const b = phraseOf(node.right);
      const options: string[] = [];
      for (let d = 1; d <= node.distance; d++) options.push(`${a} <${d}> ${b}`, `${b} <${d}> ${a}`);
      return sql<SqlBool>`m.search @@ to_tsquery('simple', ${options.join(' | ')})`;
    }
    case 'hashtag':
      return sql<SqlBool>`m.hashtags @> ARRAY[${node.value}]::text[]`;
    case 'handle':
      return sql<SqlBool>`(m.author_handle = ${node.value} OR m.mentions @> ARRAY[${node.value}]::text[])`;
    case 'followers':
      return sql<SqlBool>`m.author_followers ${COMPARE[node.op]} ${node.value}`;
    case 'field':
      switch (node.field) {
        case 'author':
          return sql<SqlBool>`m.author_handle = ${node.value}`;
        case 'lang':
          return sql<SqlBool>`m.language = ${node.value}`;
        case 'source':
          return sql<SqlBool>`m.source = ${node.value}`;
        case 'intent':
          return sql<SqlBool>`m.intent = ${node.value}`;
        case 'has':
          return sql<SqlBool>`m.has_link`;
        case 'sentiment':
          return SENTIMENT_SQL[node.value as keyof typeof SENTIMENT_SQL];
      }
  }
}
