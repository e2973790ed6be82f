import type { ApiBody, ApiResponse, Schema } from '../../../shared/api/types.ts';
import type { AccountSummary } from '../../identity/index.ts';

export type Visibility = Schema<'Post'>['visibility'];

export type PostEntities = Schema<'Post'>['entities'];

// Hand-written until the server's Post schema matches what the UI reads: the server types `kind` as a string,
// its `reshareOf` (OriginalPost) has no `deleted`, `inReplyTo.author` may be null, and `deleted` is not sent.
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

export type Profile = ApiResponse<'/accounts/{handle}'>;

export type Thread = { ancestors: Post[]; post: Post; replies: Post[] };

export type NewPost = ApiBody<'/posts'>;

export const POST_MAX_CHARS = 500;
