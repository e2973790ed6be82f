import type { AccountSummary } from '../identity/index.ts';
import { type AccountRow, presentSummary } from '../identity/index.ts';
import type { AttachmentJson } from '../media/index.ts';
import type { PostRow } from './social.repo.ts';
import type { PostEntities, PostKind, Visibility } from './social.tables.ts';

/** The card of a quoted post; `available: false` (and nothing of it) when it is deleted or hidden from the reader. */
export type QuotedPostJson = {
  id: string | null;
  available: boolean;
  author: AccountSummary | null;
  text: string;
  media: AttachmentJson[];
  createdAt: string | null;
};

/** A post's author, with the tier badge the brand whose thread it is gave them. */
export type AuthorJson = AccountSummary & { badges?: { brand: string; tier: string }[] };

export type PostJson = {
  id: string;
  kind: PostKind;
  author: AuthorJson;
  text: string;
  visibility: Visibility;
  entities: PostEntities;
  media: AttachmentJson[];
  inReplyTo: { id: string; author: AccountSummary | null } | null;
  threadRootId: string;
  createdAt: string;
  counts: { replies: number; reshares: number; likes: number; quotes: number };
  viewer: { liked: boolean; reshared: boolean };
  quoteOf: QuotedPostJson | null;
  reshareOf?: Omit<PostJson, 'reshareOf' | 'reshareParentId'> | null;
  reshareParentId?: string | null;
};

/** Account ids a page of post rows refers to, to load in one query. */
export function accountIdsOf(rows: PostRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.author_id);
    if (r.reply_to_author_id) ids.add(r.reply_to_author_id);
    if (r.o_author_id) ids.add(r.o_author_id);
  }
  return [...ids];
}

/** Ids of the posts a page of rows quotes (a reshared quote post's too). */
export function quotesOf(rows: PostRow[]): string[] {
  return rows.flatMap((r) => [r.quote_of_id, r.o_quote_of_id].filter((id): id is string => id !== null));
}

const unavailable: QuotedPostJson = {
  id: null,
  available: false,
  author: null,
  text: '',
  media: [],
  createdAt: null,
};

const deletedAccount: AccountSummary = {
  id: '',
  kind: 'person',
  handle: 'deleted',
  name: 'Deleted account',
  avatarUrl: null,
  verified: false,
};

export function presentPost(
  r: PostRow,
  accounts: Map<string, AccountRow>,
  images: Map<string, AttachmentJson[]>,
  quoted: Map<string, PostRow> = new Map(),
): PostJson {
  const summary = (id: string | null) => {
    const row = id ? accounts.get(id) : undefined;
    return row ? presentSummary(row) : deletedAccount;
  };
  const card = (id: string | null): QuotedPostJson | null => {
    if (!id) return null;
    const q = quoted.get(id);
    if (!q) return unavailable;
    // A quoted reshare cannot exist (quotes go to the original), so the row's own fields are the card.
    return {
      id: q.id,
      available: true,
      author: summary(q.author_id),
      text: q.text,
      media: images.get(q.id) ?? [],
      createdAt: q.created_at.toISOString(),
    };
  };
  const flags = { liked: r.liked, reshared: r.reshared };
  const original =
    r.reshare_of_id && r.o_author_id
      ? {
          id: r.reshare_of_id,
          kind: r.o_kind!,
          author: summary(r.o_author_id),
          text: r.o_text!,
          visibility: r.o_visibility!,
          entities: r.o_entities!,
          media: images.get(r.reshare_of_id) ?? [],
          inReplyTo: r.o_in_reply_to_id ? { id: r.o_in_reply_to_id, author: null } : null,
          threadRootId: r.o_thread_root_id!,
          createdAt: r.o_created_at!.toISOString(),
          counts: {
            replies: r.o_reply_count!,
            reshares: r.o_reshare_count!,
            likes: r.o_like_count!,
            quotes: r.o_quote_count!,
          },
          viewer: flags,
          quoteOf: card(r.o_quote_of_id),
        }
      : null;
  return {
    id: r.id,
    kind: r.kind,
    author: summary(r.author_id),
    text: r.text,
    visibility: r.visibility,
    entities: r.entities,
    media: images.get(r.id) ?? [],
    inReplyTo: r.in_reply_to_id
      ? { id: r.in_reply_to_id, author: r.reply_to_author_id ? summary(r.reply_to_author_id) : null }
      : null,
    threadRootId: r.thread_root_id,
    createdAt: r.created_at.toISOString(),
    counts: { replies: r.reply_count, reshares: r.reshare_count, likes: r.like_count, quotes: r.quote_count },
    viewer: flags,
    quoteOf: card(r.quote_of_id),
    reshareOf: original,
    reshareParentId: r.reshare_parent_id,
  };
}
