import { ImportFileError, type RawMention } from './mention.types.ts';

const MAX_TEXT = 10_000;
const MAX_ID = 200;
const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
const HANDLE = /(?:^|[^\p{L}\p{N}_])@([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})/gu;
const LINK = /\bhttps?:\/\/\S/i;

/** Text PostgreSQL can store: NUL and lone surrogates become U+FFFD, nothing is dropped. */
export function storableText(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what PostgreSQL text cannot hold
    /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

export const hashtagsOf = (text: string) =>
  [...new Set([...text.matchAll(HASHTAG)].map((m) => m[1].toLowerCase()))].slice(0, 50);
export const handlesOf = (text: string) =>
  [...new Set([...text.matchAll(HANDLE)].map((m) => m[1].toLowerCase()))].slice(0, 50);

/** A line's fields checked and completed; a string is the reason the line cannot be imported. */
export function normalizeMention(input: {
  externalId: unknown;
  text: unknown;
  authorHandle: unknown;
  postedAt: unknown;
  authorFollowers?: unknown;
  language?: unknown;
  url?: unknown;
  inReplyTo?: unknown;
  reshares?: unknown;
}): RawMention | string {
  const id = idOf(input.externalId);
  if (!id) return 'missing or invalid id';
  if (typeof input.text !== 'string' || input.text.trim() === '') return 'empty text';
  const text = storableText(input.text).slice(0, MAX_TEXT);
  const postedAt = dateOf(input.postedAt);
  if (!postedAt) return `unreadable date ${JSON.stringify(String(input.postedAt ?? '')).slice(0, 60)}`;
  const followers = countOf(input.authorFollowers);
  if (followers === undefined)
    return `followers is not a whole number: ${String(input.authorFollowers).slice(0, 30)}`;
  const reshares = countOf(input.reshares);
  if (reshares === undefined) return `reshares is not a whole number: ${String(input.reshares).slice(0, 30)}`;
  const author =
    typeof input.authorHandle === 'string' || typeof input.authorHandle === 'number'
      ? storableText(String(input.authorHandle)).replace(/^@/, '').trim().toLowerCase().slice(0, 200)
      : '';
  const language =
    typeof input.language === 'string' && /^[a-z]{2,3}$/i.test(input.language)
      ? input.language.toLowerCase()
      : null;
  const url =
    typeof input.url === 'string' && /^https?:\/\//i.test(input.url)
      ? storableText(input.url).slice(0, 2000)
      : null;
  return {
    externalId: id,
    text,
    authorHandle: author || 'unknown',
    authorFollowers: followers,
    language,
    postedAt,
    url,
    inReplyTo: idOf(input.inReplyTo),
    reshares: reshares ?? 0,
    hashtags: hashtagsOf(text),
    mentions: handlesOf(text),
    hasLink: LINK.test(text),
  };
}

function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string') return null;
  const id = storableText(value.trim());
  if (id === '' || id.length > MAX_ID) return null;
  return id;
}

function countOf(value: unknown): number | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < 0) return undefined;
  return Math.min(n, 2_147_483_647);
}

const MIN_TIME = Date.UTC(1, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59);

function dateOf(value: unknown): Date | null {
  let d: Date;
  if (value instanceof Date) d = value;
  else if (typeof value === 'number') d = new Date(value);
  else if (typeof value === 'string' && value.trim() !== '') {
    const s = value.trim();
    d = /^\d{10,13}$/.test(s) ? new Date(s.length === 13 ? Number(s) : Number(s) * 1000) : new Date(s);
  } else return null;
  const t = d.getTime();
  return Number.isFinite(t) && t >= MIN_TIME && t <= MAX_TIME ? d : null;
}

/**
 * Strict UTF-8 text of a byte source, chunk by chunk (never the whole file): a byte sequence that is not UTF-8
 * stops the import with the line it is on, since guessing the encoding would store garbled text.
 */
export async function* decodeUtf8(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let lines = 1;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportFileError('the file is not UTF-8 text (save it as UTF-8 and import it again)', lines);
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new ImportFileError('the file ends inside a UTF-8 character', lines);
  }
}

/** Lines of a text stream with their numbers (1-based), without the line break. */
export async function* linesOf(text: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let buffer = '';
  let line = 0;
  for await (const chunk of text) {
    buffer += chunk;
    let start = 0;
    for (let i = buffer.indexOf('\n'); i !== -1; i = buffer.indexOf('\n', start)) {
      line++;
      yield { line, text: buffer.slice(start, i).replace(/\r$/, '') };
      start = i + 1;
    }
    buffer = buffer.slice(start);
    if (buffer.length > 16 * 1024 * 1024) throw new ImportFileError('a line is longer than 16 MB', line + 1);
  }
  if (buffer.length > 0) yield { line: line + 1, text: buffer.replace(/\r$/, '') };
}
