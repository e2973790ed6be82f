import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

export type ServiceHistory = {
  orgId: string;
  industry: string;
  /** People who wrote to the brand (cycled through). */
  customerIds: string[];
  conversations: number;
  /** Spread over this many days before now. */
  days: number;
  responseMinutes: number;
  resolvedShare: number;
  csatMean: number;
  sentimentAfter: number;
};

/** A UUIDv7 of a past time, so generated rows sort among real ones (newest first) by their time, not at random. */
const uuid7At = (at: ReturnType<typeof sql>) => {
  const ms = sql`lpad(to_hex(floor(extract(epoch FROM ${at}) * 1000)::bigint), 12, '0')`;
  const rnd = sql`md5(random()::text)`;
  return sql`(substr(${ms}, 1, 8) || '-' || substr(${ms}, 9, 4) || '-7' || substr(${rnd}, 1, 3) || '-8' || substr(${rnd}, 1, 3) || '-' || substr(${rnd}, 1, 12))::uuid`;
};

/**
 * Set-based history of resolved and answered care conversations for a brand (demo world and benchmarks), with
 * figures that vary around the given means deterministically, and the customer's answer after the first reply.
 */
export async function generateServiceHistory(db: Executor, h: ServiceHistory) {
  await db
    .insertInto('care_ranking_profiles')
    .values({ org_id: h.orgId, industry: h.industry })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ industry: h.industry }))
    .execute();
  await sql`
    WITH f AS (
      SELECT i, now() - make_interval(secs => (i::float8 / ${h.conversations}) * ${h.days} * 86400 + 3600) AS opened_at,
        ${h.responseMinutes}::float8 * (0.4 + ((i * 37) % 100) / 80.0) AS response_minutes,
        ((i * 53) % 100) < ${Math.round(h.resolvedShare * 100)} AS resolved,
        greatest(1, least(5, round(${h.csatMean}::float8 + (((i * 17) % 5) - 2) * 0.5)))::int AS csat
      FROM generate_series(1, ${h.conversations}) AS i
    ), g AS (
      SELECT ${uuid7At(sql`f.opened_at`)} AS id, f.* FROM f
    ), c AS (
      INSERT INTO care_conversations (id, org_id, customer_id, status, intent, intent_confidence, sentiment, language,
        opened_at, last_customer_message_at, first_response_at, last_response_at, resolved_at, csat_score, csat_at)
      SELECT g.id, ${h.orgId}, (${h.customerIds}::uuid[])[1 + (g.i % ${h.customerIds.length})],
        CASE WHEN g.resolved THEN 'resolved' ELSE 'pending' END, 'question', 0.9, -0.2, 'en',
        g.opened_at, g.opened_at, g.opened_at + make_interval(secs => g.response_minutes * 60),
        g.opened_at + make_interval(secs => g.response_minutes * 60),
        CASE WHEN g.resolved THEN g.opened_at + make_interval(secs => g.response_minutes * 180) END,
        CASE WHEN g.resolved AND g.i % 3 <> 0 THEN g.csat END,
        CASE WHEN g.resolved AND g.i % 3 <> 0 THEN g.opened_at + make_interval(secs => g.response_minutes * 200) END
      FROM g RETURNING id, customer_id, opened_at, first_response_at
    )
    INSERT INTO care_messages (id, conversation_id, org_id, author_id, direction, visibility, text, sentiment, created_at)
    SELECT ${uuid7At(sql`c.first_response_at + interval '5 minutes'`)}, c.id, ${h.orgId}, c.customer_id, 'in', 'public', 'Thanks for the help', ${h.sentimentAfter},
      c.first_response_at + interval '5 minutes'
    FROM c`.execute(db);
}
