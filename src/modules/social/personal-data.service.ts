import type { Db } from '../../platform/db/database.ts';
import type { PersonalDataPart } from '../../platform/personal-data.ts';
import * as repo from './personal-data.repo.ts';
import { markDeleted } from './social.repo.ts';

/** A person's posts, follows and likes in their export; on closing, follows end and posts stay or go. */
export function createSocialPersonalData(db: Db): PersonalDataPart {
  return {
    name: 'social',
    async export(personId) {
      const [posts, follows, likes] = await Promise.all([
        repo.postsBy(db, personId),
        repo.followsOf(db, personId),
        repo.likesBy(db, personId),
      ]);
      return {
        posts: posts.map((p) => ({
          id: p.id,
          kind: p.kind,
          text: p.text,
          visibility: p.visibility,
          inReplyToId: p.in_reply_to_id,
          reshareOfId: p.reshare_of_id,
          createdAt: p.created_at.toISOString(),
        })),
        following: follows
          .filter((f) => f.follower_id === personId)
          .map((f) => ({ accountId: f.followee_id, since: f.created_at.toISOString() })),
        followers: follows
          .filter((f) => f.followee_id === personId)
          .map((f) => ({ accountId: f.follower_id, since: f.created_at.toISOString() })),
        likes: likes.map((l) => ({ postId: l.post_id, at: l.created_at.toISOString() })),
      };
    },
    async erase(trx, personId, choice) {
      // Posts go first: removing one takes it out of followers' home timelines, found through the follows.
      if (choice.posts === 'remove')
        for (const post of await repo.postsBy(trx, personId)) await markDeleted(trx, post.id);
      await repo.dropFollows(trx, personId);
    },
  };
}
