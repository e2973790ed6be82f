import type { ApiBody, ApiResponse, Schema } from '../../../shared/api/types.ts';

export type Visibility = Schema<'Post'>['visibility'];

export type PostEntities = Schema<'Post'>['entities'];

/** A post as feeds, threads and notifications carry it; a deal post (same id as its deal) has `kind: 'deal'`. */
export type Post = Schema<'Post'>;

/** The original a reshare shows: a post without reshare fields of its own (an original is never a reshare). */
export type OriginalPost = Schema<'OriginalPost'>;

/** The card a quote post shows of the post it quotes; `available: false` when deleted or hidden from you. */
export type QuotedPost = Schema<'QuotedPost'>;

export type Profile = ApiResponse<'/accounts/{handle}'>;

export type Thread = ApiResponse<'/posts/{id}/thread'>;

export type NewPost = ApiBody<'/posts'>;

export const POST_MAX_CHARS = 500;

/** An account to suggest following, and why. */
export type Suggestion = ApiResponse<'/me/suggestions'>['items'][number];
