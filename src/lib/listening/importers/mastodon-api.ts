import { htmlToText } from './importers.ts';
import type { RawMention } from './mention.types.ts';
import { normalizeMention } from './normalize.ts';

/** What one status of Mastodon's REST API becomes: a mention, a boost to pass over, or why it cannot be read. */
export type MastodonStatusResult =
  | { kind: 'mention'; mention: RawMention; statusId: string; inReplyToId: string | null }
  | { kind: 'ignored'; statusId: string | null; reason: string }
  | { kind: 'error'; statusId: string | null; reason: string };

const STATUS_ID = /^[0-9A-Za-z_-]{1,64}$/;

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** An instance-local status or account id as Mastodon sends it (a string of digits), or null. */
export function statusIdOf(value: unknown): string | null {
  const s = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof s === 'string' && STATUS_ID.test(s) ? s : null;
}

/**
 * Orders Mastodon ids (numeric strings, possibly longer than a double holds): negative when a is older than b.
 * Ids of other shapes compare as text.
 */
export function compareStatusIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A status of `GET /api/v1/timelines/tag/:hashtag` or `GET /api/v1/accounts/:id/statuses` as a mention: its
 * ActivityPub `uri` is the external id (the same one a Mastodon `outbox.json` import stores, so both store it
 * once), the HTML content becomes text (a content warning stays in front of it), the reply link is the parent's
 * `uri` when `parentUri` knows it. A boost is not its booster's words and is passed over.
 */
export function mastodonStatus(
  value: unknown,
  parentUri: (id: string) => string | null,
): MastodonStatusResult {
  const s = obj(value);
  const statusId = statusIdOf(s.id);
  if (!statusId) return { kind: 'error', statusId: null, reason: 'a status without an id' };
  if (s.reblog) return { kind: 'ignored', statusId, reason: 'a boost' };
  const account = obj(s.account);
  const content = typeof s.content === 'string' ? htmlToText(s.content) : '';
  const warning = typeof s.spoiler_text === 'string' ? s.spoiler_text.trim() : '';
  const inReplyToId = statusIdOf(s.in_reply_to_id);
  const mention = normalizeMention({
    externalId: typeof s.uri === 'string' && s.uri !== '' ? s.uri : undefined,
    text: warning && content ? `${warning}\n\n${content}` : content,
    authorHandle: account.acct ?? account.username,
    authorFollowers: account.followers_count,
    postedAt: s.created_at,
    language: s.language,
    url: s.url ?? s.uri,
    inReplyTo: inReplyToId ? parentUri(inReplyToId) : null,
    reshares: s.reblogs_count,
  });
  if (typeof mention === 'string') return { kind: 'error', statusId, reason: mention };
  return { kind: 'mention', mention, statusId, inReplyToId };
}

/** The links of an HTTP `Link` header by their `rel` (Mastodon pages with `next` = older, `prev` = newer). */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const part of header.slice(0, 8192).split(/,\s*(?=<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!m) continue;
    const rel = /\brel="?([^";]+)"?/i.exec(m[2]);
    if (rel) for (const r of rel[1].trim().split(/\s+/)) links[r.toLowerCase()] = m[1];
  }
  return links;
}
