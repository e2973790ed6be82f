import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/** Each person's first idea, vote or comment in the brand's portal, for cohort analysis. */
export async function firstParticipations(db: Executor, orgId: string) {
  const { rows } = await sql<{ account_id: string; first_at: Date }>`
    SELECT account_id, min(at) AS first_at FROM (
      SELECT author_id AS account_id, created_at AS at FROM ideas WHERE org_id = ${orgId}
      UNION ALL SELECT voter_id, voted_at FROM idea_votes WHERE org_id = ${orgId}
      UNION ALL SELECT author_id, created_at FROM idea_comments WHERE org_id = ${orgId}
    ) e GROUP BY account_id`.execute(db);
  return rows;
}
