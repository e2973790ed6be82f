import type { ColumnType, Generated } from 'kysely';

export type Visibility = 'public' | 'followers' | 'direct';

/** A deal post carries the id of its deal; a reshare is a `post` row with `reshare_of_id` set. */
export type PostKind = 'post' | 'deal' | 'rfp';

export type PostEntities = {
  mentions: { handle: string; accountId: string; start: number; end: number }[];
  hashtags: { tag: string; start: number; end: number }[];
  links: { url: string; start: number; end: number }[];
};

export interface FollowsTable {
  follower_id: string;
  followee_id: string;
  created_at: Generated<Date>;
}

export interface PostsTable {
  id: string;
  author_id: string;
  posted_by: string;
  kind: Generated<PostKind>;
  text: string;
  visibility: Visibility;
  in_reply_to_id: string | null;
  thread_root_id: string;
  reshare_of_id: string | null;
  reshare_parent_id: string | null;
  /** A quote post: the post it quotes (with its own text or images), shown as an embedded card. */
  quote_of_id: ColumnType<string | null, string | null | undefined, string | null>;
  entities: ColumnType<PostEntities, string, string>;
  reply_count: Generated<number>;
  reshare_count: Generated<number>;
  like_count: Generated<number>;
  quote_count: Generated<number>;
  created_at: Generated<Date>;
  deleted_at: Date | null;
  /** Held back until then (a deal not yet started): only the author's people see it before. */
  visible_from: ColumnType<Date | null, Date | null | undefined, Date | null>;
  search: ColumnType<string, never, never>;
}

export interface PostMentionsTable {
  post_id: string;
  account_id: string;
}

export interface PostTagsTable {
  post_id: string;
  tag: string;
}

export interface LikesTable {
  post_id: string;
  account_id: string;
  created_at: Generated<Date>;
}

export interface HomeTimelineTable {
  owner_id: string;
  post_id: string;
  author_id: string;
}

export type SocialTables = {
  follows: FollowsTable;
  posts: PostsTable;
  post_mentions: PostMentionsTable;
  post_tags: PostTagsTable;
  likes: LikesTable;
  home_timeline: HomeTimelineTable;
};
