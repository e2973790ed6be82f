import { type Db, ownTables } from '../../platform/db/database.ts';
import type { PersonalDataPart } from '../../platform/personal-data.ts';
import type { IdeasTables } from './ideas.tables.ts';
import * as repo from './personal-data.repo.ts';

/**
 * A person's ideas, comments, votes and follows in their export. On closing, they stop following ideas (nothing is
 * mailed to a closed account); their ideas, comments and votes stay on the brands' portals, shown as the deleted
 * account's, because other people voted on and discussed them.
 */
export function createIdeasPersonalData(database: Db): PersonalDataPart {
  const db = ownTables<IdeasTables>(database);
  return {
    name: 'ideas',
    async export(personId) {
      const [ideas, comments, votes, follows] = await Promise.all([
        repo.ideasBy(db, personId),
        repo.commentsBy(db, personId),
        repo.votesBy(db, personId),
        repo.followsOf(db, personId),
      ]);
      return {
        ideas: ideas.map((i) => ({
          id: i.id,
          brandId: i.org_id,
          title: i.title,
          description: i.description,
          category: i.category,
          status: i.status,
          createdAt: i.created_at.toISOString(),
        })),
        comments: comments.map((c) => ({
          id: c.id,
          ideaId: c.idea_id,
          body: c.body,
          createdAt: c.created_at.toISOString(),
        })),
        votes: votes.map((v) => ({
          ideaId: v.idea_id,
          weight: v.weight,
          votedAt: v.voted_at.toISOString(),
          returnedAt: v.released_at?.toISOString() ?? null,
        })),
        following: follows.map((f) => ({ ideaId: f.idea_id, since: f.created_at.toISOString() })),
      };
    },
    async erase(trx, personId) {
      await repo.dropFollows(ownTables<IdeasTables>(trx), personId);
    },
  };
}
