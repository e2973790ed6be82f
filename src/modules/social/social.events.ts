import type { Visibility } from './social.tables.ts';

export type PostCreated = {
  postId: string;
  authorId: string;
  /** The person who wrote it: the author itself, or a member posting as their org. */
  postedBy: string;
  kind: string;
  visibility: Visibility;
  text: string;
  inReplyToId: string | null;
  inReplyToAuthorId: string | null;
  threadRootId: string;
  reshareOfId: string | null;
  reshareOfAuthorId: string | null;
  /** The post or reshare this reshare was made from: the chain of who reshared whose reshare. */
  reshareParentId: string | null;
  reshareParentAuthorId: string | null;
  /** A quote post: the post it quotes and that post's author. */
  quoteOfId: string | null;
  quoteOfAuthorId: string | null;
  mentionIds: string[];
  hashtags: string[];
  createdAt: string;
};

/** Events the social module emits. */
export type SocialEvents = {
  'post.created': PostCreated;
  'post.deleted': { postId: string; authorId: string };
  'post.liked': { postId: string; postAuthorId: string; likerId: string };
  'account.followed': { followerId: string; followeeId: string };
  'account.unfollowed': { followerId: string; followeeId: string };
};
