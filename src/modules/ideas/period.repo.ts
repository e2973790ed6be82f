import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { IdeasTables } from './ideas.tables.ts';

/** Ideas a brand received and shipped in a period, with the most voted of those received (for briefing books). */
export async function ideasInPeriod(db: Executor<IdeasTables>, orgId: string, from: Date, to: Date) {
  const { rows } = await sql<{ raised: number; shipped: number }>`
    SELECT count(*) FILTER (WHERE created_at >= ${from} AND created_at < ${to} AND merged_into_id IS NULL)::int AS raised,
      count(*) FILTER (WHERE shipped_at >= ${from} AND shipped_at < ${to})::int AS shipped
    FROM ideas WHERE org_id = ${orgId} AND (created_at < ${to} OR shipped_at < ${to})`.execute(db);
  const top = await db
    .selectFrom('ideas')
    .select(['id', 'title', 'votes', 'status'])
    .where('org_id', '=', orgId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('merged_into_id', 'is', null)
    .orderBy('votes', 'desc')
    .orderBy('created_at')
    .limit(5)
    .execute();
  return { raised: rows[0]?.raised ?? 0, shipped: rows[0]?.shipped ?? 0, top };
}
