import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export type FollowEdge = { follower_id: string; followee_id: string };

/** One page of all follows in key order, after the given follow (keyset pagination for graph jobs). */
export async function followPage(
  db: Executor,
  after: FollowEdge | null,
  limit: number,
): Promise<FollowEdge[]> {
  let q = db.selectFrom('follows').select(['follower_id', 'followee_id']);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('follower_id', '>', after.follower_id),
        eb.and([eb('follower_id', '=', after.follower_id), eb('followee_id', '>', after.followee_id)]),
      ]),
    );
  }
  return q.orderBy('follower_id').orderBy('followee_id').limit(limit).execute();
}

export type ReshareEdge = { id: string; resharer_id: string; original_author_id: string; reach: number };

/**
 * One page of reshares: who reshared whom (the author of the post they reshared), with the reshare's reach
 * (its likes and further reshares), after the given reshare id.
 */
export async function resharePage(
  db: Executor,
  afterId: string | null,
  limit: number,
): Promise<ReshareEdge[]> {
  let q = db
    .selectFrom('posts as r')
    .innerJoin('posts as p', 'p.id', 'r.reshare_parent_id')
    .select(['r.id', 'r.author_id as resharer_id', 'p.author_id as original_author_id'])
    .select((eb) => eb(eb.ref('r.like_count'), '+', eb.ref('r.reshare_count')).as('reach'))
    .where('r.reshare_of_id', 'is not', null)
    .where('r.deleted_at', 'is', null);
  if (afterId) q = q.where('r.id', '>', afterId);
  return q.orderBy('r.id').limit(limit).execute();
}

/** Who posted each post (the member behind a brand post too), for crediting sales to people. */
export function postedBy(db: Executor, postIds: string[]) {
  if (postIds.length === 0) return Promise.resolve([] as { id: string; posted_by: string }[]);
  return db.selectFrom('posts').select(['id', 'posted_by']).where('id', 'in', postIds).execute();
}

/** How many public posts and replies each person posted in [from, to) (as themselves or as a brand). */
export async function postCounts(db: Executor, userIds: string[], from: Date, to: Date) {
  if (userIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('posts')
    .select(['posted_by', (eb) => eb.fn.countAll<string>().as('n')])
    .where('posted_by', 'in', userIds)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('visibility', '=', 'public')
    .where('deleted_at', 'is', null)
    .groupBy('posted_by')
    .execute();
  return new Map(rows.map((r) => [r.posted_by, Number(r.n)]));
}

/** Per post: its likes and public replies, and the live reshares and quotes made of it directly. */
export async function postEngagement(db: Executor, postIds: string[]) {
  const out = new Map<string, { likes: number; replies: number; reshares: number }>();
  if (postIds.length === 0) return out;
  const { rows } = await sql<{ id: string; likes: number; replies: number; reshares: number }>`
    SELECT p.id, p.like_count AS likes, p.reply_count AS replies,
      (SELECT count(*)::int FROM posts c WHERE c.deleted_at IS NULL
        AND (c.reshare_parent_id = p.id OR c.quote_of_id = p.id)) AS reshares
    FROM posts p WHERE p.id IN (${sql.join(postIds.map((id) => sql`${id}::uuid`))})`.execute(db);
  for (const r of rows)
    out.set(r.id, { likes: Number(r.likes), replies: Number(r.replies), reshares: Number(r.reshares) });
  return out;
}
