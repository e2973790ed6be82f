import type { Executor } from '../../platform/db/database.ts';

export function postsBy(db: Executor, authorId: string) {
  return db
    .selectFrom('posts')
    .select(['id', 'kind', 'text', 'visibility', 'in_reply_to_id', 'reshare_of_id', 'created_at'])
    .where('author_id', '=', authorId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export function followsOf(db: Executor, accountId: string) {
  return db
    .selectFrom('follows')
    .select(['follower_id', 'followee_id', 'created_at'])
    .where((eb) => eb.or([eb('follower_id', '=', accountId), eb('followee_id', '=', accountId)]))
    .execute();
}

export function likesBy(db: Executor, accountId: string) {
  return db
    .selectFrom('likes')
    .select(['post_id', 'created_at'])
    .where('account_id', '=', accountId)
    .execute();
}

/** Ends every follow to and from the account, and empties its home timeline. */
export async function dropFollows(db: Executor, accountId: string) {
  await db
    .deleteFrom('follows')
    .where((eb) => eb.or([eb('follower_id', '=', accountId), eb('followee_id', '=', accountId)]))
    .execute();
  await db.deleteFrom('home_timeline').where('owner_id', '=', accountId).execute();
}
