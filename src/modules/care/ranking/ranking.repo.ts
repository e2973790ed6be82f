import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

/** A brand's care figures for a period (briefing books): volume, first reply and resolution medians, CSAT. */
export async function periodPerformance(db: Executor, orgId: string, from: Date, to: Date) {
  const { rows } = await sql<{
    conversations: number;
    answered: number;
    resolved: number;
    first_response_p50: number | null;
    resolution_p50: number | null;
    csat: number | null;
    csat_responses: number;
  }>`
    SELECT count(*)::int AS conversations,
      count(c.first_response_at)::int AS answered,
      count(c.resolved_at)::int AS resolved,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_response_at - c.opened_at) / 60) AS first_response_p50,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.opened_at) / 60) AS resolution_p50,
      avg(c.csat_score)::float8 AS csat,
      count(c.csat_score)::int AS csat_responses
    FROM care_conversations c
    WHERE c.org_id = ${orgId} AND c.opened_at >= ${from} AND c.opened_at < ${to} AND c.merged_into_id IS NULL`.execute(
    db,
  );
  return rows[0];
}

/**
 * One row per conversation of every brand opened in the last `days` days: its age, first reply, resolution, CSAT
 * and the customer's mean sentiment after the first reply (the facts the service-quality score is made of).
 */
export async function conversationFacts(db: Executor, days: number) {
  const { rows } = await sql<{
    org_id: string;
    age_days: number;
    first_response_minutes: number | null;
    resolved: boolean;
    csat: number | null;
    sentiment_after: number | null;
  }>`
    SELECT c.org_id,
      (extract(epoch FROM now() - c.opened_at) / 86400)::float8 AS age_days,
      (extract(epoch FROM c.first_response_at - c.opened_at) / 60)::float8 AS first_response_minutes,
      c.resolved_at IS NOT NULL AS resolved,
      c.csat_score AS csat,
      (SELECT avg(m.sentiment)::float8 FROM care_messages m
        WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.sentiment IS NOT NULL
          AND m.created_at > c.first_response_at) AS sentiment_after
    FROM care_conversations c
    WHERE c.opened_at > now() - make_interval(days => ${days}) AND c.merged_into_id IS NULL`.execute(db);
  return rows;
}

export async function industries(db: Executor) {
  return db.selectFrom('care_ranking_profiles').select(['org_id', 'industry']).execute();
}

export async function industryOf(db: Executor, orgId: string) {
  const row = await db
    .selectFrom('care_ranking_profiles')
    .select('industry')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.industry ?? null;
}

export async function setIndustry(db: Executor, orgId: string, industry: string) {
  await db
    .insertInto('care_ranking_profiles')
    .values({ org_id: orgId, industry })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ industry, updated_at: sql`now()` }))
    .execute();
}
