import type { Account, AccountSummary, OrgRole } from '../../identity/api/identity.types.ts';

export type Visibility = 'public' | 'followers' | 'direct';

export type PostEntities = {
  mentions: { handle: string; accountId: string; start: number; end: number }[];
  hashtags: { tag: string; start: number; end: number }[];
  links: { url: string; start: number; end: number }[];
};

export type Post = {
  id: string;
  /** A deal post (same id as its deal) carries a deal card under its text. */
  kind: 'post' | 'deal';
  author: AccountSummary;
  text: string;
  visibility: Visibility;
  entities: PostEntities;
  inReplyTo: { id: string; author: AccountSummary } | null;
  threadRootId: string;
  reshareOf: Post | null;
  reshareParentId: string | null;
  createdAt: string;
  deleted: boolean;
  counts: { replies: number; reshares: number; likes: number };
  viewer: { liked: boolean; reshared: boolean };
};

export type Profile = Account & {
  followersCount: number;
  followingCount: number;
  postsCount: number;
  viewer: { following: boolean; followedBy: boolean; role: OrgRole | null };
};

export type Thread = { ancestors: Post[]; post: Post; replies: Post[] };

export type NewPost = { text: string; visibility: Visibility; inReplyToId?: string; as?: string };

export const POST_MAX_CHARS = 500;
