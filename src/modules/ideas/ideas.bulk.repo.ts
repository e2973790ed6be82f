import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { HALF_LIFE_SECONDS } from './ideas.repo.ts';
import type { IdeasTables } from './ideas.tables.ts';

const WORDS = [
  'wireless',
  'charging',
  'case',
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
];

/**
 * Writes `ideas` ideas with `votes` votes spread over them for one brand, set-based in the database (benchmarks):
 * titles of four vocabulary words, posting times over a year, one-vote rows from distinct made-up voters.
 */
export async function generateIdeas(db: Executor<IdeasTables>, orgId: string, ideas: number, votes: number) {
  const words = sql.raw(`ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`);
  await sql`
    INSERT INTO ideas (id, org_id, author_id, title, description, status, votes, trend_score, created_at)
    SELECT gen_random_uuid(), ${orgId}::uuid, gen_random_uuid(),
      (${words})[1 + (i * 7) % 30] || ' ' || (${words})[1 + (i * 13) % 30] || ' ' || (${words})[1 + (i * 17) % 30]
        || ' ' || (${words})[1 + (i / 30) % 30] || ' ' || i,
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
