import type { AccountRow } from '../identity/index.ts';
import type { PostJson } from './social.present.ts';
import type { PostRow } from './social.repo.ts';

/** A person's standing with a brand, shown by their name: "Champion · Larchwood". */
export type AuthorBadge = { accountId: string; orgId: string; brand: string; tier: string; rank: number };

/**
 * Who holds which badge, for a page of authors in one call: with one brand (`orgId`), or every brand (`null`).
 * Social does not know tiers; the advocates module plugs its resolver in when the app is composed.
 */
export type BadgeResolver = (accountIds: string[], orgId: string | null) => Promise<AuthorBadge[]>;

/** Where the resolver is plugged in; without one, nobody shows a badge. */
export type BadgeSlot = { resolver?: BadgeResolver };

/** At most this many brands' badges on a profile, highest tier first. */
export const PROFILE_BADGES = 3;

/** The thread roots of a page of rows, the reshared originals' too: a brand's thread shows that brand's badges. */
export function threadRootsOf(rows: PostRow[]): string[] {
  return [
    ...new Set(rows.flatMap((r) => [r.thread_root_id, r.o_thread_root_id]).filter((id) => id !== null)),
  ] as string[];
}

/**
 * Adds `badges` to the authors of posts written in a brand's thread (the thread's root is the brand's post): the
 * badge that brand gave them. One resolver call for the page: with that brand when the page has one, else all.
 */
export async function withBadges(
  posts: PostJson[],
  rows: PostRow[],
  rootAuthors: Map<string, string>,
  accounts: Map<string, AccountRow>,
  resolver: BadgeResolver | undefined,
): Promise<PostJson[]> {
  if (!resolver) return posts;
  const brandOf = (rootId: string | null) => {
    const author = rootId ? rootAuthors.get(rootId) : undefined;
    const row = author ? accounts.get(author) : undefined;
    return row && row.kind !== 'person' ? row.id : null;
  };
  const wanted = rows.flatMap((r) => [
    { author: r.author_id, org: brandOf(r.thread_root_id) },
    ...(r.o_author_id ? [{ author: r.o_author_id, org: brandOf(r.o_thread_root_id) }] : []),
  ]);
  const orgs = [...new Set(wanted.flatMap((w) => (w.org ? [w.org] : [])))];
  if (orgs.length === 0) return posts;
  // Only people hold tiers: a brand's own posts in its thread are not asked about.
  const authors = [
    ...new Set(wanted.filter((w) => w.org && accounts.get(w.author)?.kind === 'person').map((w) => w.author)),
  ];
  if (authors.length === 0) return posts;
  const found = await resolver(authors, orgs.length === 1 ? orgs[0] : null);
  const byKey = new Map(found.map((b) => [`${b.accountId}:${b.orgId}`, b]));
  const badge = (authorId: string, org: string | null) => {
    const b = org ? byKey.get(`${authorId}:${org}`) : undefined;
    return b ? [{ brand: b.brand, tier: b.tier }] : undefined;
  };
  return posts.map((p, i) => {
    const r = rows[i];
    const own = badge(r.author_id, brandOf(r.thread_root_id));
    const original = r.o_author_id ? badge(r.o_author_id, brandOf(r.o_thread_root_id)) : undefined;
    return {
      ...p,
      author: own ? { ...p.author, badges: own } : p.author,
      reshareOf:
        p.reshareOf && original
          ? { ...p.reshareOf, author: { ...p.reshareOf.author, badges: original } }
          : p.reshareOf,
    };
  });
}
