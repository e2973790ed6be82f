import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export type FirstEngagement = { account_id: string; first_at: Date };

/** Each person's first follow of, reply to or reshare of an account (a brand), for cohort analysis. */
export async function firstEngagements(db: Executor, accountId: string): Promise<FirstEngagement[]> {
  const { rows } = await sql<FirstEngagement>`
    SELECT account_id, min(at) AS first_at FROM (
      SELECT follower_id AS account_id, created_at AS at FROM follows WHERE followee_id = ${accountId}
      UNION ALL
      SELECT r.author_id, r.created_at FROM posts r JOIN posts p ON p.id = coalesce(r.in_reply_to_id, r.reshare_of_id)
      WHERE p.author_id = ${accountId} AND r.author_id <> ${accountId} AND r.deleted_at IS NULL
    ) e GROUP BY account_id`.execute(db);
  return rows;
}

/** Everyone the person follows (bounded by their own choices, unlike a deal's buyers). */
export async function followeeIds(db: Executor, followerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('follows')
    .select('followee_id')
    .where('follower_id', '=', followerId)
    .execute();
  return rows.map((r) => r.followee_id);
}
