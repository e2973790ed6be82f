/** A message about a brand as an importer reads it, before triage. */
export type RawMention = {
  /** The network's own id of the message: importing it twice stores it once. */
  externalId: string;
  text: string;
  authorHandle: string;
  authorFollowers: number | null;
  /** ISO 639-1 code when the source says it, else null (triage detects it). */
  language: string | null;
  postedAt: Date;
  url: string | null;
  /** The external id of the message this one answers, in the same source: threads are rebuilt from these. */
  inReplyTo: string | null;
  reshares: number;
  hashtags: string[];
  mentions: string[];
  hasLink: boolean;
};

/** One line (or array element) of an import: a mention, a line that could not be read, or one that is not a post. */
export type ImportItem =
  | { kind: 'mention'; line: number; mention: RawMention }
  | { kind: 'error'; line: number; reason: string }
  | { kind: 'ignored'; line: number; reason: string };

/** The file as a whole cannot be read in this format (wrong encoding, missing columns, not JSON). */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

/** A source file as chunks of bytes (a file stream, an HTTP body) or strings. */
export type ByteSource = AsyncIterable<Uint8Array | string>;

export const IMPORT_FORMATS = ['twcs', 'tweets-js', 'mastodon-outbox', 'jetstream', 'csv', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where the generic CSV and JSON-lines importers find each field (column or key names). */
export type ColumnMapping = {
  id: string;
  text: string;
  createdAt: string;
  author?: string;
  followers?: string;
  lang?: string;
  url?: string;
  inReplyTo?: string;
  reshares?: string;
};

export const MAPPING_FIELDS = [
  'id',
  'text',
  'createdAt',
  'author',
  'followers',
  'lang',
  'url',
  'inReplyTo',
  'reshares',
] as const satisfies readonly (keyof ColumnMapping)[];
