import { type Insertable, type RawBuilder, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type {
  FollowsTable,
  HomeTimelineTable,
  LikesTable,
  PostEntities,
  PostKind,
  PostsTable,
  Visibility,
} from './social.tables.ts';

/**
 * Who is reading: `self` for "did I like/reshare this", `ids` (self plus the caller's orgs) for what they
 * may see. Anonymous readers have no ids and see public posts only.
 */
export type Viewer = { self: string | null; ids: string[] };
export const ANONYMOUS: Viewer = { self: null, ids: [] };

const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The one visibility rule, as SQL over a posts alias: public posts; your own (or your org's); followers-only
 * posts of accounts you follow; anything that mentions you. Every read of posts goes through it.
 */
export function visibleTo(alias: string, viewer: Viewer): RawBuilder<boolean> {
  const p = sql.ref(alias);
  const deleted = sql.ref(`${alias}.deleted_at`);
  // A post held back until a time (a scheduled deal) is seen before it by its author's people only.
  const released = sql`(${sql.ref(`${alias}.visible_from`)} IS NULL OR ${sql.ref(`${alias}.visible_from`)} <= now())`;
  if (viewer.ids.length === 0) {
    return sql<boolean>`(${deleted} IS NULL AND ${sql.ref(`${alias}.visibility`)} = 'public' AND ${released})`;
  }
  const ids = uuidArray(viewer.ids);
  return sql<boolean>`(${deleted} IS NULL AND (
    ${sql.ref(`${alias}.author_id`)} = ANY(${ids})
    OR (${released} AND (
      ${sql.ref(`${alias}.visibility`)} = 'public'
      OR (${sql.ref(`${alias}.visibility`)} = 'followers' AND EXISTS (
        SELECT 1 FROM follows vf WHERE vf.followee_id = ${sql.ref(`${alias}.author_id`)} AND vf.follower_id = ANY(${ids})))
      OR EXISTS (SELECT 1 FROM post_mentions vm WHERE vm.post_id = ${p}.id AND vm.account_id = ANY(${ids}))
    ))
  ))`;
}

/** A post as stored plus what a reader needs: the reshared original, the parent's author, and the viewer's flags. */
export type PostRow = {
  id: string;
  author_id: string;
  kind: PostKind;
  text: string;
  visibility: Visibility;
  entities: PostEntities;
  in_reply_to_id: string | null;
  reply_to_author_id: string | null;
  thread_root_id: string;
  reshare_of_id: string | null;
  reshare_parent_id: string | null;
  quote_of_id: string | null;
  created_at: Date;
  reply_count: number;
  reshare_count: number;
  like_count: number;
  quote_count: number;
  liked: boolean;
  reshared: boolean;
  // the original of a reshare (null otherwise)
  o_author_id: string | null;
  o_kind: PostKind | null;
  o_text: string | null;
  o_visibility: Visibility | null;
  o_entities: PostEntities | null;
  o_in_reply_to_id: string | null;
  o_thread_root_id: string | null;
  o_created_at: Date | null;
  o_reply_count: number | null;
  o_reshare_count: number | null;
  o_like_count: number | null;
  o_quote_of_id: string | null;
  o_quote_count: number | null;
};

/** SELECT list and joins shared by every post read; `from` supplies rows aliased `p` plus any ordering key. */
function selectPosts(
  viewer: Viewer,
  from: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  tail: RawBuilder<unknown>,
) {
  const self = viewer.self ? sql`${viewer.self}::uuid` : sql`NULL::uuid`;
  return sql<PostRow>`
    SELECT p.id, p.author_id, p.kind, p.text, p.visibility, p.entities, p.in_reply_to_id, par.author_id AS reply_to_author_id,
      p.thread_root_id, p.reshare_of_id, p.reshare_parent_id, p.quote_of_id, p.created_at, p.reply_count, p.reshare_count, p.like_count,
      p.quote_count,
      EXISTS (SELECT 1 FROM likes l WHERE l.post_id = coalesce(p.reshare_of_id, p.id) AND l.account_id = ${self}) AS liked,
      EXISTS (SELECT 1 FROM posts r WHERE r.reshare_of_id = coalesce(p.reshare_of_id, p.id) AND r.author_id = ${self}
        AND r.deleted_at IS NULL) AS reshared,
      o.author_id AS o_author_id, o.kind AS o_kind, o.text AS o_text, o.visibility AS o_visibility, o.entities AS o_entities,
      o.in_reply_to_id AS o_in_reply_to_id, o.thread_root_id AS o_thread_root_id, o.created_at AS o_created_at,
      o.reply_count AS o_reply_count, o.reshare_count AS o_reshare_count, o.like_count AS o_like_count,
      o.quote_of_id AS o_quote_of_id, o.quote_count AS o_quote_count
    FROM ${from}
    LEFT JOIN posts o ON o.id = p.reshare_of_id
    LEFT JOIN posts par ON par.id = p.in_reply_to_id AND ${visibleTo('par', viewer)}
    WHERE ${visibleTo('p', viewer)} AND (p.reshare_of_id IS NULL OR o.deleted_at IS NULL) AND ${where}
    ${tail}`;
}

const cursorBefore = (column: string, cursor: string | undefined) =>
  cursor ? sql`${sql.ref(column)} < ${cursor}::uuid` : sql`TRUE`;

export async function findPost(db: Executor, id: string, viewer: Viewer): Promise<PostRow | undefined> {
  const { rows } = await selectPosts(viewer, sql`posts p`, sql`p.id = ${id}::uuid`, sql``).execute(db);
  return rows[0];
}

export async function findPostsByIds(db: Executor, ids: string[], viewer: Viewer): Promise<PostRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await selectPosts(viewer, sql`posts p`, sql`p.id = ANY(${uuidArray(ids)})`, sql``).execute(
    db,
  );
  return rows;
}

export async function homeTimeline(
  db: Executor,
  ownerId: string,
  viewer: Viewer,
  cursor: string | undefined,
  limit: number,
) {
  const { rows } = await selectPosts(
    viewer,
    sql`home_timeline h JOIN posts p ON p.id = h.post_id`,
    sql`h.owner_id = ${ownerId}::uuid AND ${cursorBefore('h.post_id', cursor)}`,
    sql`ORDER BY h.post_id DESC LIMIT ${limit + 1}`,
  ).execute(db);
  return rows;
}

export async function authorTimeline(
  db: Executor,
  authorId: string,
  viewer: Viewer,
  cursor: string | undefined,
  limit: number,
) {
  const { rows } = await selectPosts(
    viewer,
    sql`posts p`,
    sql`p.author_id = ${authorId}::uuid AND p.in_reply_to_id IS NULL AND ${cursorBefore('p.id', cursor)}`,
    sql`ORDER BY p.id DESC LIMIT ${limit + 1}`,
  ).execute(db);
  return rows;
}

export async function mentionsTimeline(
  db: Executor,
  accountId: string,
  viewer: Viewer,
  cursor: string | undefined,
  limit: number,
) {
  const { rows } = await selectPosts(
    viewer,
    sql`post_mentions m JOIN posts p ON p.id = m.post_id`,
    sql`m.account_id = ${accountId}::uuid AND ${cursorBefore('m.post_id', cursor)}`,
    sql`ORDER BY m.post_id DESC LIMIT ${limit + 1}`,
  ).execute(db);
  return rows;
}

export async function tagTimeline(
  db: Executor,
  tag: string,
  viewer: Viewer,
  cursor: string | undefined,
  limit: number,
) {
  const { rows } = await selectPosts(
    viewer,
    sql`post_tags t JOIN posts p ON p.id = t.post_id`,
    sql`t.tag = ${tag} AND ${cursorBefore('t.post_id', cursor)}`,
    sql`ORDER BY t.post_id DESC LIMIT ${limit + 1}`,
  ).execute(db);
  return rows;
}

export async function searchPosts(
  db: Executor,
  query: string,
  viewer: Viewer,
  cursor: string | undefined,
  limit: number,
) {
  const { rows } = await selectPosts(
    viewer,
    sql`posts p`,
    sql`p.search @@ websearch_to_tsquery('english', ${query}) AND ${cursorBefore('p.id', cursor)}`,
    sql`ORDER BY p.id DESC LIMIT ${limit + 1}`,
  ).execute(db);
  return rows;
}

/** Ancestors (oldest first) and the whole sub-thread below a post, each filtered by visibility. */
export async function threadAround(db: Executor, id: string, viewer: Viewer, maxReplies: number) {
  const ancestorIds = await sql<{ id: string }>`
    WITH RECURSIVE up AS (
      SELECT in_reply_to_id AS id, 1 AS depth FROM posts WHERE id = ${id}::uuid
      UNION ALL
      SELECT p.in_reply_to_id, up.depth + 1 FROM posts p JOIN up ON p.id = up.id WHERE up.depth < 50
    ) SELECT id FROM up WHERE id IS NOT NULL ORDER BY depth DESC`.execute(db);
  const replyIds = await sql<{ id: string }>`
    WITH RECURSIVE down AS (
      SELECT id FROM posts WHERE in_reply_to_id = ${id}::uuid
      UNION
      SELECT p.id FROM posts p JOIN down ON p.in_reply_to_id = down.id
    ) SELECT id FROM down ORDER BY id LIMIT ${maxReplies}`.execute(db);
  const ancestors = await findPostsByIds(
    db,
    ancestorIds.rows.map((r) => r.id),
    viewer,
  );
  const replies = await findPostsByIds(
    db,
    replyIds.rows.map((r) => r.id),
    viewer,
  );
  const order = new Map(ancestorIds.rows.map((r, i) => [r.id, i]));
  ancestors.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  replies.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { ancestors, replies };
}

/** The bare stored post, no visibility applied: for rules that must see a post to decide (ownership, resharing). */
export function findRawPost(db: Executor, id: string) {
  return db
    .selectFrom('posts')
    .select([
      'id',
      'author_id',
      'visibility',
      'thread_root_id',
      'reshare_of_id',
      'in_reply_to_id',
      'deleted_at',
      'kind',
      'quote_of_id',
      'visible_from',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * A post's share chain, oldest first: the original post, then each reshare or quote down to this one (a quote's
 * parent is the post it quotes, so a quote of a reshare of a deal post leads back to the deal post).
 */
export async function reshareChain(
  db: Executor,
  postId: string,
): Promise<{ id: string; author_id: string; reshare_of_id: string | null }[]> {
  const { rows } = await sql<{ id: string; author_id: string; reshare_of_id: string | null }>`
    WITH RECURSIVE chain AS (
      SELECT id, author_id, coalesce(reshare_parent_id, quote_of_id) AS parent_id, reshare_of_id, 0 AS depth
      FROM posts WHERE id = ${postId}::uuid
      UNION ALL
      SELECT p.id, p.author_id, coalesce(p.reshare_parent_id, p.quote_of_id), p.reshare_of_id, c.depth + 1
      FROM posts p JOIN chain c ON p.id = c.parent_id
      WHERE c.depth < 100
    ) SELECT id, author_id, reshare_of_id FROM chain ORDER BY depth DESC`.execute(db);
  return rows;
}

export async function isVisible(db: Executor, postId: string, viewer: Viewer): Promise<boolean> {
  const { rows } =
    await sql`SELECT 1 FROM posts p WHERE p.id = ${postId}::uuid AND ${visibleTo('p', viewer)}`.execute(db);
  return rows.length > 0;
}

// --- writes ---

/** A post to write: its columns as stored, entities as parsed (the repo serialises them). */
export type NewPost = Pick<
  Selectable<PostsTable>,
  | 'id'
  | 'author_id'
  | 'posted_by'
  | 'text'
  | 'visibility'
  | 'in_reply_to_id'
  | 'thread_root_id'
  | 'reshare_of_id'
  | 'reshare_parent_id'
  | 'entities'
> &
  Pick<Insertable<PostsTable>, 'kind' | 'visible_from' | 'quote_of_id'>;

export async function insertPost(db: Executor, post: NewPost): Promise<void> {
  await db
    .insertInto('posts')
    .values({ ...post, entities: JSON.stringify(post.entities) })
    .execute();
  const mentionIds = [...new Set(post.entities.mentions.map((m) => m.accountId))];
  if (mentionIds.length) {
    await db
      .insertInto('post_mentions')
      .values(mentionIds.map((account_id) => ({ post_id: post.id, account_id })))
      .execute();
  }
  const tags = [...new Set(post.entities.hashtags.map((h) => h.tag))];
  if (tags.length)
    await db
      .insertInto('post_tags')
      .values(tags.map((tag) => ({ post_id: post.id, tag })))
      .execute();
  // The author sees their own post at once; followers get it from the fan-out after commit.
  await db
    .insertInto('home_timeline')
    .values({ owner_id: post.author_id, post_id: post.id, author_id: post.author_id })
    .execute();
}

export async function bumpCounter(
  db: Executor,
  postId: string,
  counter: 'reply_count' | 'reshare_count' | 'like_count' | 'quote_count',
  delta: 1 | -1,
): Promise<void> {
  await db
    .updateTable('posts')
    .set((eb) => ({ [counter]: eb(counter, '+', delta) }))
    .where('id', '=', postId)
    .execute();
}

export async function markDeleted(db: Executor, postId: string): Promise<boolean> {
  const deleted = await db
    .updateTable('posts')
    .set({
      deleted_at: new Date(),
      text: '',
      entities: JSON.stringify({ mentions: [], hashtags: [], links: [] }),
    })
    .where('id', '=', postId)
    .where('deleted_at', 'is', null)
    .returning('author_id')
    .executeTakeFirst();
  if (!deleted) return false;
  await db.deleteFrom('post_mentions').where('post_id', '=', postId).execute();
  await db.deleteFrom('post_tags').where('post_id', '=', postId).execute();
  // A post's home rows exist only for its author and the author's followers (unfollowing removes them), so they
  // are found by primary key, one probe per follower, never by scanning every home timeline.
  await sql`
    DELETE FROM home_timeline
    WHERE post_id = ${postId}::uuid
      AND owner_id = ANY(ARRAY(SELECT follower_id FROM follows WHERE followee_id = ${deleted.author_id}::uuid) || ${deleted.author_id}::uuid)`.execute(
    db,
  );
  return true;
}

export function findActiveReshare(db: Executor, originalId: string, authorId: string) {
  return db
    .selectFrom('posts')
    .select('id')
    .where('reshare_of_id', '=', originalId)
    .where('author_id', '=', authorId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertLike(db: Executor, postId: string, accountId: string): Promise<boolean> {
  const result = await db
    .insertInto('likes')
    .values({ post_id: postId, account_id: accountId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteLike(db: Executor, postId: string, accountId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('likes')
    .where('post_id', '=', postId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Puts a new post into the home timeline of every follower in its audience (direct posts: only the mentioned). */
export async function fanOut(
  db: Executor,
  postId: string,
  authorId: string,
  visibility: Visibility,
): Promise<number> {
  const direct =
    visibility === 'direct'
      ? sql`AND EXISTS (SELECT 1 FROM post_mentions m WHERE m.post_id = ${postId}::uuid AND m.account_id = f.follower_id)`
      : sql``;
  const result = await sql`
    INSERT INTO home_timeline (owner_id, post_id, author_id)
    SELECT f.follower_id, ${postId}::uuid, ${authorId}::uuid FROM follows f WHERE f.followee_id = ${authorId}::uuid ${direct}
    ON CONFLICT DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

// --- follows ---

export async function insertFollow(db: Executor, followerId: string, followeeId: string): Promise<boolean> {
  const result = await db
    .insertInto('follows')
    .values({ follower_id: followerId, followee_id: followeeId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function countFollowers(db: Executor, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('follows')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('followee_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function isFollowing(db: Executor, followerId: string, followeeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('follows')
    .select('follower_id')
    .where('follower_id', '=', followerId)
    .where('followee_id', '=', followeeId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteFollow(db: Executor, followerId: string, followeeId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('follows')
    .where('follower_id', '=', followerId)
    .where('followee_id', '=', followeeId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** On follow, the followee's recent posts appear in the follower's home at once (not only future ones). */
export async function backfillHome(
  db: Executor,
  followerId: string,
  followeeId: string,
  count: number,
): Promise<void> {
  await sql`
    INSERT INTO home_timeline (owner_id, post_id, author_id)
    SELECT ${followerId}::uuid, p.id, p.author_id FROM posts p
    WHERE p.author_id = ${followeeId}::uuid AND p.deleted_at IS NULL AND p.visibility IN ('public', 'followers')
    ORDER BY p.id DESC LIMIT ${count}
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function removeFromHome(db: Executor, ownerId: string, authorId: string): Promise<void> {
  await db
    .deleteFrom('home_timeline')
    .where('author_id', '=', authorId)
    .where('owner_id', '=', ownerId)
    .execute();
}

export async function followPage(
  db: Executor,
  direction: 'followers' | 'following',
  accountId: string,
  cursor: string | undefined,
  limit: number,
): Promise<string[]> {
  const [key, other] =
    direction === 'followers'
      ? (['followee_id', 'follower_id'] as const)
      : (['follower_id', 'followee_id'] as const);
  let query = db.selectFrom('follows').select(other).where(key, '=', accountId);
  if (cursor) query = query.where(other, '>', cursor);
  const rows = await query
    .orderBy(other)
    .limit(limit + 1)
    .execute();
  return rows.map((r) => r[other] as string);
}

export async function profileCounts(db: Executor, accountId: string, viewer: Viewer) {
  const { rows } = await sql<{
    followers: number;
    following: number;
    posts: number;
    following_it: boolean;
    followed_by: boolean;
  }>`
    SELECT
      (SELECT count(*)::int FROM follows WHERE followee_id = ${accountId}::uuid) AS followers,
      (SELECT count(*)::int FROM follows WHERE follower_id = ${accountId}::uuid) AS following,
      (SELECT count(*)::int FROM posts p WHERE p.author_id = ${accountId}::uuid AND p.in_reply_to_id IS NULL AND ${visibleTo('p', viewer)}) AS posts,
      EXISTS (SELECT 1 FROM follows WHERE follower_id = ${viewer.self}::uuid AND followee_id = ${accountId}::uuid) AS following_it,
      EXISTS (SELECT 1 FROM follows WHERE followee_id = ${viewer.self}::uuid AND follower_id = ${accountId}::uuid) AS followed_by`.execute(
    db,
  );
  return rows[0];
}

// --- bulk loading (demo worlds, imports): many rows per statement, no checks, no events; rows must be new ---

/** A post written in bulk with its counters already known; mentions and tags come from its entities. */
export type BulkPost = NewPost &
  Pick<Selectable<PostsTable>, 'created_at' | 'reply_count' | 'reshare_count' | 'like_count'>;

const isoTimes = (dates: Date[]) => dates.map((d) => d.toISOString());

/**
 * Inserts posts with their post_mentions and post_tags rows, exactly as `insertPost` derives them. Unlike
 * `insertPost` it writes no home_timeline rows: bulk loaders materialize homes afterwards in one pass.
 * Parents (replies, reshares) must come earlier in `rows` or be stored already.
 */
export async function bulkInsertPosts(db: Executor, rows: BulkPost[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO posts (id, author_id, posted_by, kind, text, visibility, in_reply_to_id, thread_root_id, reshare_of_id,
      reshare_parent_id, entities, reply_count, reshare_count, like_count, created_at)
    SELECT * FROM unnest(
      ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.author_id)}::uuid[], ${rows.map((r) => r.posted_by)}::uuid[],
      ${rows.map((r) => r.kind ?? 'post')}::text[], ${rows.map((r) => r.text)}::text[], ${rows.map((r) => r.visibility)}::text[],
      ${rows.map((r) => r.in_reply_to_id)}::uuid[], ${rows.map((r) => r.thread_root_id)}::uuid[],
      ${rows.map((r) => r.reshare_of_id)}::uuid[], ${rows.map((r) => r.reshare_parent_id)}::uuid[],
      ${rows.map((r) => JSON.stringify(r.entities))}::jsonb[], ${rows.map((r) => r.reply_count)}::int[],
      ${rows.map((r) => r.reshare_count)}::int[], ${rows.map((r) => r.like_count)}::int[],
      ${isoTimes(rows.map((r) => r.created_at))}::timestamptz[])`.execute(db);
  const mentions = rows.flatMap((r) =>
    [...new Set(r.entities.mentions.map((m) => m.accountId))].map((a) => [r.id, a]),
  );
  if (mentions.length) {
    await sql`INSERT INTO post_mentions (post_id, account_id)
      SELECT * FROM unnest(${mentions.map((m) => m[0])}::uuid[], ${mentions.map((m) => m[1])}::uuid[])`.execute(
      db,
    );
  }
  const tags = rows.flatMap((r) => [...new Set(r.entities.hashtags.map((h) => h.tag))].map((t) => [r.id, t]));
  if (tags.length) {
    await sql`INSERT INTO post_tags (post_id, tag)
      SELECT * FROM unnest(${tags.map((t) => t[0])}::uuid[], ${tags.map((t) => t[1])}::text[])`.execute(db);
  }
}

export type BulkFollow = Selectable<FollowsTable>;
export type BulkLike = Selectable<LikesTable>;
export type BulkHomeEntry = Selectable<HomeTimelineTable>;

export async function bulkInsertFollows(db: Executor, rows: BulkFollow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO follows (follower_id, followee_id, created_at)
    SELECT * FROM unnest(${rows.map((r) => r.follower_id)}::uuid[], ${rows.map((r) => r.followee_id)}::uuid[],
      ${isoTimes(rows.map((r) => r.created_at))}::timestamptz[])`.execute(db);
}

/** Inserts likes; the posts' like_count must already count them (bulkInsertPosts takes counters as given). */
export async function bulkInsertLikes(db: Executor, rows: BulkLike[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO likes (post_id, account_id, created_at)
    SELECT * FROM unnest(${rows.map((r) => r.post_id)}::uuid[], ${rows.map((r) => r.account_id)}::uuid[],
      ${isoTimes(rows.map((r) => r.created_at))}::timestamptz[])`.execute(db);
}

/**
 * Writes home timeline entries chosen by a bulk loader, which applies the audience rule of insertPost and
 * fanOut itself (own posts; followees' public and followers-only posts; followees' direct posts mentioning
 * the owner). Rows sorted by owner keep the primary-key inserts local.
 */
export async function bulkInsertHomeEntries(db: Executor, rows: BulkHomeEntry[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO home_timeline (owner_id, post_id, author_id)
    SELECT * FROM unnest(${rows.map((r) => r.owner_id)}::uuid[], ${rows.map((r) => r.post_id)}::uuid[],
      ${rows.map((r) => r.author_id)}::uuid[])`.execute(db);
}

/** Whom an account follows, most recent first, at most `limit` (to rank followed accounts first). */
export async function followeeIds(db: Executor, followerId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('follows')
    .select('followee_id')
    .where('follower_id', '=', followerId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.followee_id);
}

export type SuggestionRow = { account_id: string; mutual: number; followers: number };

/**
 * Accounts to suggest following: those the people `followerId` follows follow (most such people first), then the
 * most followed overall; never `excludeIds` (the viewer and the accounts they act for) nor whom they follow.
 */
export async function suggestions(
  db: Executor,
  followerId: string,
  excludeIds: string[],
  limit: number,
): Promise<SuggestionRow[]> {
  const { rows } = await sql<SuggestionRow>`
    WITH mine AS (
      SELECT followee_id AS id FROM follows WHERE follower_id = ${followerId}::uuid
    ),
    fof AS (
      SELECT f.followee_id AS id, count(*)::int AS mutual
      FROM follows f JOIN mine m ON f.follower_id = m.id
      GROUP BY f.followee_id
    ),
    popular AS (
      SELECT followee_id AS id, count(*)::int AS followers FROM follows GROUP BY followee_id
    )
    SELECT p.id AS account_id, coalesce(fof.mutual, 0)::int AS mutual, p.followers
    FROM popular p LEFT JOIN fof ON fof.id = p.id
    WHERE p.id <> ALL(${uuidArray(excludeIds)})
      AND NOT EXISTS (SELECT 1 FROM mine WHERE mine.id = p.id)
    ORDER BY coalesce(fof.mutual, 0) DESC, p.followers DESC, p.id
    LIMIT ${limit}
  `.execute(db);
  return rows;
}

/** Who wrote each of these posts (thread roots, to tell a brand's threads), whatever their visibility. */
export async function authorsOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('posts').select(['id', 'author_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.author_id]));
}
