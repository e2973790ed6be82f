import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { jsonArrayElements } from './json-array.stream.ts';
import {
  type ByteSource,
  type ColumnMapping,
  ImportFileError,
  type ImportFormat,
  type ImportItem,
} from './mention.types.ts';
import { decodeUtf8, linesOf, normalizeMention, storableText } from './normalize.ts';

export type ImportOptions = {
  /** Generic CSV / JSON lines: where each field is. */
  mapping?: ColumnMapping;
  /** tweets.js: the archive's account handle (the archive does not repeat it in each tweet). */
  author?: string;
};

/** The mentions of a file in one of the supported formats, streamed, with a per-line report of what was skipped. */
export function readMentions(source: ByteSource, format: ImportFormat, options: ImportOptions = {}) {
  const text = decodeUtf8(source);
  switch (format) {
    case 'twcs':
      return csvMentions(text, TWCS_MAPPING, ['inbound', 'response_tweet_id']);
    case 'csv':
      return csvMentions(text, requireMapping(options.mapping), []);
    case 'jsonl':
      return jsonlMentions(text, (value) => mapped(value, requireMapping(options.mapping)));
    case 'jetstream':
      return jsonlMentions(text, jetstreamPost);
    case 'tweets-js':
      return arrayMentions(jsonArrayElements(text, null), (v) =>
        archivedTweet(v, options.author ?? 'archive'),
      );
    case 'mastodon-outbox':
      return arrayMentions(jsonArrayElements(text, '"orderedItems"'), mastodonActivity);
  }
}

/** The Customer Support on Twitter (twcs) CSV layout. */
const TWCS_MAPPING: ColumnMapping = {
  id: 'tweet_id',
  author: 'author_id',
  createdAt: 'created_at',
  text: 'text',
  inReplyTo: 'in_response_to_tweet_id',
};

function requireMapping(mapping: ColumnMapping | undefined): ColumnMapping {
  if (!mapping?.id || !mapping.text || !mapping.createdAt)
    throw new ImportFileError(
      'a column mapping naming at least id, text and createdAt is needed for this format',
    );
  return mapping;
}

type Converted = ReturnType<typeof normalizeMention> | { ignore: string };

function mapped(value: unknown, m: ColumnMapping): Converted {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const row = value as Record<string, unknown>;
  return normalizeMention({
    externalId: row[m.id],
    text: row[m.text],
    postedAt: row[m.createdAt],
    authorHandle: m.author ? row[m.author] : undefined,
    authorFollowers: m.followers ? row[m.followers] : undefined,
    language: m.lang ? row[m.lang] : undefined,
    url: m.url ? row[m.url] : undefined,
    inReplyTo: m.inReplyTo ? row[m.inReplyTo] : undefined,
    reshares: m.reshares ? row[m.reshares] : undefined,
  });
}

function item(line: number, converted: Converted): ImportItem {
  if (typeof converted === 'string') return { kind: 'error', line, reason: converted };
  if ('ignore' in converted) return { kind: 'ignored', line, reason: converted.ignore };
  return { kind: 'mention', line, mention: converted };
}

async function* csvMentions(
  text: AsyncIterable<string>,
  mapping: ColumnMapping,
  extraColumns: string[],
): AsyncGenerator<ImportItem> {
  const skipped: ImportItem[] = [];
  const parser = parse({
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim());
      const needed = [...new Set([...Object.values(mapping), ...extraColumns])];
      const missing = needed.filter((c) => !names.includes(c));
      if (missing.length > 0)
        throw new ImportFileError(`the header has no column ${missing.map((c) => `"${c}"`).join(', ')}`, 1);
      return names;
    },
    bom: true,
    info: true,
    relax_column_count: false,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: 1024 * 1024,
  });
  parser.on('skip', (err: Error & { lines?: number }) => {
    skipped.push({ kind: 'error', line: err.lines ?? 0, reason: csvReason(err) });
  });
  Readable.from(text)
    .on('error', (err) => parser.destroy(err))
    .pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      while (skipped.length > 0) yield skipped.shift()!;
      yield item(info.lines, mapped(record, mapping));
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    const e = err as Error & { code?: string; lines?: number };
    throw new ImportFileError(`the CSV cannot be read: ${csvReason(e)}`, e.lines ?? null);
  }
  while (skipped.length > 0) yield skipped.shift()!;
}

function csvReason(err: Error & { code?: string }) {
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'wrong number of columns';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is not closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a field is not escaped';
    case 'CSV_MAX_RECORD_SIZE':
      return 'the row is longer than 1 MB';
    default:
      return err.message.split('\n')[0].slice(0, 200);
  }
}

async function* jsonlMentions(text: AsyncIterable<string>, convert: (value: unknown) => Converted) {
  for await (const { line, text: json } of linesOf(text)) {
    if (json.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      yield { kind: 'error', line, reason: 'not valid JSON' } satisfies ImportItem;
      continue;
    }
    yield item(line, convert(value));
  }
}

async function* arrayMentions(
  elements: AsyncIterable<{ line: number; json: string }>,
  convert: (value: unknown) => Converted,
) {
  for await (const { line, json } of elements) {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      yield { kind: 'error', line, reason: 'not valid JSON' } satisfies ImportItem;
      continue;
    }
    yield item(line, convert(value));
  }
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** An X/Twitter archive's tweets.js element: `{ tweet: { id_str, full_text, created_at, … } }`. */
function archivedTweet(value: unknown, author: string): Converted {
  const t = obj(obj(value).tweet ?? value);
  if (typeof t.full_text === 'string' && t.full_text.startsWith('RT @')) return { ignore: 'a retweet' };
  const id = t.id_str ?? t.id;
  return normalizeMention({
    externalId: id,
    text: t.full_text ?? t.text,
    postedAt: t.created_at,
    authorHandle: author,
    language: t.lang,
    url: typeof id === 'string' ? `https://x.com/${author}/status/${id}` : undefined,
    inReplyTo: t.in_reply_to_status_id_str ?? null,
    reshares: t.retweet_count,
  });
}

/** Mastodon's outbox.json: Create activities of Notes (boosts are not the author's words). */
function mastodonActivity(value: unknown): Converted {
  const a = obj(value);
  if (a.type === 'Announce') return { ignore: 'a boost' };
  if (a.type !== 'Create') return { ignore: `a ${String(a.type ?? 'typeless')} activity` };
  const o = obj(a.object);
  const actor = typeof a.actor === 'string' ? a.actor : '';
  const contentMap = obj(o.contentMap);
  return normalizeMention({
    externalId: o.id,
    text: typeof o.content === 'string' ? htmlToText(o.content) : undefined,
    postedAt: o.published,
    authorHandle: actor.split('/').filter(Boolean).pop() ?? actor,
    language: Object.keys(contentMap)[0],
    url: o.url ?? o.id,
    inReplyTo: typeof o.inReplyTo === 'string' ? o.inReplyTo : null,
  });
}

/** A Bluesky Jetstream event line: only the creation of a post is a mention. */
function jetstreamPost(value: unknown): Converted {
  const e = obj(value);
  const c = obj(e.commit);
  if (e.kind !== 'commit' || c.collection !== 'app.bsky.feed.post' || c.operation !== 'create')
    return { ignore: 'not the creation of a post' };
  const r = obj(c.record);
  const did = typeof e.did === 'string' ? e.did : '';
  const rkey = typeof c.rkey === 'string' ? c.rkey : '';
  if (!did || !rkey) return 'a post without did or rkey';
  const langs = Array.isArray(r.langs) ? r.langs : [];
  return normalizeMention({
    externalId: `at://${did}/app.bsky.feed.post/${rkey}`,
    text: r.text,
    postedAt: r.createdAt ?? (typeof e.time_us === 'number' ? Math.floor(e.time_us / 1000) : undefined),
    authorHandle: did,
    language: langs[0],
    url: `https://bsky.app/profile/${did}/post/${rkey}`,
    inReplyTo: obj(obj(r.reply).parent).uri ?? null,
  });
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  nbsp: ' ',
};

/** Mastodon sends HTML: paragraphs and breaks become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return storableText(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p>/gi, '\n\n')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) => {
        if (e[0] === '#') {
          const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
          return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
        }
        return ENTITIES[e.toLowerCase()] ?? m;
      })
      .trim(),
  );
}
