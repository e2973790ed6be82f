import type { PostEntities } from '../api/social.types.ts';

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'mention'; text: string; handle: string }
  | { kind: 'hashtag'; text: string; tag: string }
  | { kind: 'link'; text: string; url: string };

type Range = {
  start: number;
  end: number;
  segment: (text: string) => Segment;
  matches: (text: string) => boolean;
};

const strip = (s: string, sigil: string) => (s.startsWith(sigil) ? s.slice(1) : s).toLowerCase();

function rangesOf(entities: PostEntities): Range[] {
  const mentions = entities.mentions.map<Range>((m) => ({
    start: m.start,
    end: m.end,
    segment: (text) => ({ kind: 'mention', text, handle: m.handle }),
    matches: (text) => strip(text, '@') === m.handle.toLowerCase(),
  }));
  const tags = entities.hashtags.map<Range>((h) => ({
    start: h.start,
    end: h.end,
    segment: (text) => ({ kind: 'hashtag', text, tag: h.tag }),
    matches: (text) => strip(text, '#') === h.tag.toLowerCase() || text.startsWith('#'),
  }));
  const links = entities.links.map<Range>((l) => ({
    start: l.start,
    end: l.end,
    segment: (text) => ({ kind: 'link', text, url: l.url }),
    matches: (text) =>
      text.length > 0 && (l.url.includes(text) || text.includes(l.url) || /^(https?:|www\.)/i.test(text)),
  }));
  return [...mentions, ...tags, ...links];
}

/** UTF-16 index of each code point index, so offsets counted in code points can slice a JS string. */
function codePointIndex(text: string): number[] {
  const index: number[] = [];
  let i = 0;
  for (const ch of text) {
    index.push(i);
    i += ch.length;
  }
  index.push(i);
  return index;
}

/**
 * Places each entity on the text. Offsets are taken as UTF-16 indices, or as code point indices when that is
 * what matches (the two differ after an emoji); an entity that matches neither way is left as plain text.
 */
function place(text: string, ranges: Range[]): { start: number; end: number; range: Range }[] {
  const cp = codePointIndex(text);
  const placed: { start: number; end: number; range: Range }[] = [];
  for (const range of ranges) {
    if (!(range.start >= 0 && range.end > range.start)) continue;
    if (range.end <= text.length && range.matches(text.slice(range.start, range.end))) {
      placed.push({ start: range.start, end: range.end, range });
    } else if (range.end < cp.length) {
      const start = cp[range.start];
      const end = cp[range.end];
      if (range.matches(text.slice(start, end))) placed.push({ start, end, range });
    }
  }
  return placed.sort((a, b) => a.start - b.start);
}

/** Cuts post text into plain text, mentions, hashtags and links at the entity offsets. */
export function segmentPost(text: string, entities: PostEntities | null | undefined): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  const ranges = entities ? rangesOf(entities) : [];
  for (const { start, end, range } of place(text, ranges)) {
    if (start < cursor) continue; // overlapping entity: the earlier one wins
    if (start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, start) });
    segments.push(range.segment(text.slice(start, end)));
    cursor = end;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}
