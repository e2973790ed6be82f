import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { HALF_LIFE_SECONDS } from './ideas.repo.ts';
import type { IdeasTables } from './ideas.tables.ts';

/** The most frequent words of the generated titles, most frequent first (a product portal's own vocabulary). */
const HEAD_WORDS = [
  'case',
  'wireless',
  'charging',
  'strap',
  'leather',
  'recycled',
  'packaging',
  'kids',
  'size',
  'jacket',
  'repair',
  'kit',
  'bottle',
  'engraving',
  'travel',
  'pouch',
  'waterproof',
  'zip',
  'hood',
  'pocket',
  'colour',
  'green',
  'night',
  'reflective',
  'magnetic',
  'stand',
  'cable',
  'organiser',
  'lid',
  'handle',
  'bigger',
  'smaller',
  'option',
  'refill',
  'spare',
  'parts',
  'vegan',
  'wool',
  'cotton',
  'linen',
  'bag',
  'backpack',
  'laptop',
  'sleeve',
  'phone',
  'mount',
  'bike',
  'light',
  'lamp',
  'desk',
  'chair',
  'cushion',
  'blanket',
  'mug',
  'thermos',
  'lunch',
  'box',
  'gift',
  'wrap',
  'card',
  'subscription',
  'bundle',
  'discount',
  'student',
  'pet',
  'dog',
  'collar',
  'leash',
  'bowl',
  'shoe',
  'sole',
  'lace',
  'insole',
  'sock',
  'glove',
  'scarf',
  'hat',
  'winter',
  'summer',
  'rain',
  'cover',
  'screen',
  'protector',
  'charger',
  'usb',
  'battery',
  'solar',
  'compact',
  'foldable',
  'adjustable',
  'left',
  'handed',
  'version',
  'black',
  'white',
  'matte',
  'glossy',
  'custom',
  'print',
  'pattern',
  'refillable',
];
const VOCABULARY_SIZE = 3000;
const ONSETS = [
  'b',
  'br',
  'c',
  'ch',
  'cl',
  'd',
  'dr',
  'f',
  'fl',
  'g',
  'gr',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
];
const MORE_ONSETS = ['pl', 'pr', 'r', 's', 'sh', 'sl', 'sp', 'st', 't', 'th', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ea', 'ou', 'ai'];
const CODAS = ['', 'n', 'r', 'st', 'ck', 'nd', 'l', 'mp', 'x', 'ng'];

/**
 * A vocabulary of VOCABULARY_SIZE words: the head words, then made-up words of two syllables (spread over the
 * letters the way words are, so trigrams overlap as in real titles); the same list on every run.
 */
function vocabulary(): string[] {
  const onsets = [...ONSETS, ...MORE_ONSETS];
  const pick = (list: string[], k: number) => list[Math.floor(k) % list.length];
  const words = new Set(HEAD_WORDS);
  for (let i = 0; words.size < VOCABULARY_SIZE; i++) {
    const x = (i * 2654435761) % 4294967296;
    words.add(
      pick(onsets, i) +
        pick(VOWELS, i / onsets.length) +
        pick(onsets, x / 7) +
        pick(VOWELS, x / 3) +
        pick(CODAS, i / (onsets.length * VOWELS.length)),
    );
  }
  return [...words];
}

/**
 * Writes `ideas` ideas with `votes` votes spread over them for one brand, set-based in the database (benchmarks):
 * titles of four to seven words drawn from a vocabulary of a few thousand by Zipf's law (the r-th most frequent
 * word about 1/r as often as the first, as in real text), posting times over a year, one-vote rows from distinct
 * made-up voters.
 */
export async function generateIdeas(db: Executor<IdeasTables>, orgId: string, ideas: number, votes: number) {
  const vocab = vocabulary();
  const words = sql`(${vocab}::text[])`;
  const n = vocab.length;
  await sql`
    INSERT INTO ideas (id, org_id, author_id, title, description, status, votes, trend_score, created_at)
    SELECT gen_random_uuid(), ${orgId}::uuid, gen_random_uuid(),
      (SELECT string_agg(${words}[least(${n}::int, floor(exp(
          ((hashtext(i || '.' || k)::bigint + 2147483648) / 4294967296.0) * ln(${n}::int + 1)))::int)], ' ' ORDER BY k)
        FROM generate_series(1, 4 + i % 4) k),
      'generated', 'new', 0, extract(epoch from t) / ${HALF_LIFE_SECONDS}, t
    FROM (SELECT i, now() - (i % 365) * interval '1 day' AS t FROM generate_series(1, ${ideas}::int) i) s
  `.execute(db);
  await sql`
    INSERT INTO idea_votes (idea_id, voter_id, org_id, weight, voted_at)
    SELECT ids.id, gen_random_uuid(), ${orgId}::uuid, 1, ids.created_at + (v % 30) * interval '1 hour'
    FROM (SELECT id, created_at, row_number() OVER (ORDER BY id) AS n FROM ideas WHERE org_id = ${orgId}::uuid) ids
    JOIN generate_series(1, ${votes}::int) v ON (v % ${ideas}::int) + 1 = ids.n
  `.execute(db);
  await sql`
    UPDATE ideas i SET votes = c.n,
      trend_score = c.m + ln(1 + c.s) / ln(2)
    FROM (
      SELECT idea_id, count(*)::int AS n, max(x) AS m, sum(power(2::float8, (x - mx)::float8)) AS s
      FROM (
        SELECT idea_id, extract(epoch from voted_at) / ${HALF_LIFE_SECONDS} AS x,
          max(extract(epoch from voted_at) / ${HALF_LIFE_SECONDS}) OVER (PARTITION BY idea_id) AS mx
        FROM idea_votes WHERE org_id = ${orgId}::uuid
      ) v GROUP BY idea_id
    ) c WHERE i.id = c.idea_id
  `.execute(db);
  await sql`ANALYZE ideas`.execute(db);
  await sql`ANALYZE idea_votes`.execute(db);
}
