// Read-only queries the benchmark needs to set itself up and to observe the fan-out; not part of Souk.
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.ts';

/** `count` people, the same ones on every run of the same world (ordered by a hash of their id). */
export async function samplePeople(db: Db, count: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT a.id FROM accounts a JOIN users u ON u.account_id = a.id
    WHERE a.kind = 'person' AND NOT u.is_admin
    ORDER BY md5(a.id::text) LIMIT ${count}`.execute(db);
  return rows.map((r) => r.id);
}

/** The person whose follower count is closest to `target`. */
export async function authorNear(db: Db, target: number) {
  const { rows } = await sql<{ id: string; handle: string; followers: number }>`
    SELECT a.id, a.handle, f.n AS followers
    FROM (SELECT followee_id, count(*)::int AS n FROM follows GROUP BY followee_id) f
    JOIN accounts a ON a.id = f.followee_id AND a.kind = 'person'
    ORDER BY abs(f.n - ${target}), a.id LIMIT 1`.execute(db);
  return rows[0];
}

/**
 * Posts whose home fan-out has not committed yet. The fan-out writes every follower's row in the one
 * transaction that also deletes its delivery, so "no pending delivery" means "in every follower's home".
 */
export async function pendingFanouts(db: Db, postIds: string[]): Promise<string[]> {
  if (postIds.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    SELECT aggregate_id AS id FROM event_deliveries
    WHERE subscriber = 'social.home-fanout' AND aggregate_id = ANY(${postIds}::text[])`.execute(db);
  return rows.map((r) => r.id);
}

/** How many of the author's followers have the post in their home timeline (checked once, afterwards). */
export async function followersWithPost(db: Db, authorId: string, postId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM follows f
    JOIN home_timeline h ON h.owner_id = f.follower_id AND h.post_id = ${postId}::uuid
    WHERE f.followee_id = ${authorId}::uuid`.execute(db);
  return rows[0].n;
}
