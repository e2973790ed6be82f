import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { RfpTables } from './rfp.tables.ts';

/** Requests for proposals a brand was asked in a period and how many it pitched on (for briefing books). */
export async function requestsInPeriod(db: Executor<RfpTables>, orgId: string, from: Date, to: Date) {
  const { rows } = await sql<{ received: number; pitched: number }>`
    SELECT count(*)::int AS received, count(first_pitch_at)::int AS pitched
    FROM rfp_targets WHERE org_id = ${orgId} AND created_at >= ${from} AND created_at < ${to}`.execute(db);
  return { received: rows[0]?.received ?? 0, pitched: rows[0]?.pitched ?? 0 };
}
