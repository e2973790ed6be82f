import type { Executor } from '../../platform/db/database.ts';
import type { IdeasTables } from './ideas.tables.ts';

type Ex = Executor<IdeasTables>;

/** Ideas a person posted, on any brand's portal. */
export function ideasBy(db: Ex, personId: string) {
  return db
    .selectFrom('ideas')
    .select(['id', 'org_id', 'title', 'description', 'category', 'status', 'created_at'])
    .where('author_id', '=', personId)
    .orderBy('created_at')
    .execute();
}

/** Comments a person wrote on ideas. */
export function commentsBy(db: Ex, personId: string) {
  return db
    .selectFrom('idea_comments')
    .select(['id', 'idea_id', 'body', 'created_at'])
    .where('author_id', '=', personId)
    .orderBy('created_at')
    .execute();
}

/** A person's votes, active and returned. */
export function votesBy(db: Ex, personId: string) {
  return db
    .selectFrom('idea_votes')
    .select(['idea_id', 'weight', 'voted_at', 'released_at'])
    .where('voter_id', '=', personId)
    .orderBy('voted_at')
    .execute();
}

/** The ideas a person follows. */
export function followsOf(db: Ex, personId: string) {
  return db
    .selectFrom('idea_follows')
    .select(['idea_id', 'created_at'])
    .where('follower_id', '=', personId)
    .orderBy('created_at')
    .execute();
}

export async function dropFollows(db: Ex, personId: string): Promise<void> {
  await db.deleteFrom('idea_follows').where('follower_id', '=', personId).execute();
}
