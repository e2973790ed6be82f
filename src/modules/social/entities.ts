import type { PostEntities } from './social.tables.ts';

export const MAX_POST_CHARS = 500;

// A mention or tag starts at the beginning or after a character that cannot be part of a word, so that
// e-mail addresses (a@b.com) and URL fragments (/#x) are not taken for them.
const MENTION = /(?<![\w@/])@([A-Za-z0-9_]{2,30})(?![\w@])/g;
const HASHTAG = /(?<![\w#/&])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
const LINK = /\bhttps?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

export type ParsedText = {
  mentions: { handle: string; start: number; end: number }[];
  hashtags: { tag: string; start: number; end: number }[];
  links: { url: string; start: number; end: number }[];
};

/** Finds @mentions, #hashtags and links; offsets are UTF-16 indices into the text, as JavaScript strings use. */
export function parseText(text: string): ParsedText {
  const links = [...text.matchAll(LINK)].map((m) => {
    const url = m[0].replace(TRAILING_PUNCTUATION, '');
    return { url, start: m.index, end: m.index + url.length };
  });
  const insideLink = (i: number) => links.some((l) => i >= l.start && i < l.end);
  const mentions = [...text.matchAll(MENTION)]
    .filter((m) => !insideLink(m.index))
    .map((m) => ({ handle: m[1], start: m.index, end: m.index + m[0].length }));
  const hashtags = [...text.matchAll(HASHTAG)]
    .filter((m) => !insideLink(m.index))
    .map((m) => ({ tag: m[1].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  return { mentions, hashtags, links };
}

/** Keeps only mentions of accounts that exist, with their ids. */
export function resolveEntities(parsed: ParsedText, idsByHandle: Map<string, string>): PostEntities {
  const mentions = parsed.mentions.flatMap((m) => {
    const accountId = idsByHandle.get(m.handle.toLowerCase());
    return accountId ? [{ ...m, accountId }] : [];
  });
  return { mentions, hashtags: parsed.hashtags, links: parsed.links };
}

/** Posts are limited in user-perceived characters (code points), not UTF-16 units. */
export const charCount = (text: string) => [...text].length;
