import Type from 'typebox';
import { IMPORT_FORMATS, MAX_QUERY_LENGTH, SENTIMENTS } from '../../lib/listening/index.ts';
import { INTENTS } from '../../lib/triage/index.ts';
import { PageQuery, pageOf } from '../../platform/http/pagination.ts';

export const tags = ['listening'];

export const OrgItemParams = Type.Object(
  { handle: Type.String({ maxLength: 31 }), id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

const Iso = Type.String({ format: 'date-time' });
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Int = Type.Integer();

export const TopicKind = Type.Union(
  ['brand', 'product', 'competitor', 'category'].map((k) => Type.Literal(k)) as [
    Type.TLiteral<'brand'>,
    Type.TLiteral<'product'>,
    Type.TLiteral<'competitor'>,
    Type.TLiteral<'category'>,
  ],
);
const Sentiment = Type.Union(
  SENTIMENTS.map((s) => Type.Literal(s)) as [
    Type.TLiteral<'negative'>,
    Type.TLiteral<'neutral'>,
    Type.TLiteral<'positive'>,
  ],
);
const IntentName = Type.Union(INTENTS.map((i) => Type.Literal(i)));

export const BackfillProgress = Nullable(
  Type.Object(
    {
      status: Type.Union([Type.Literal('running'), Type.Literal('done')]),
      done: Type.Integer({ description: 'stored mentions the query was applied to so far' }),
      total: Type.Integer({ description: 'stored mentions it applies to' }),
    },
    { description: 'Applying the query to the mentions stored before it (null: never started)' },
  ),
);

export const Topic = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: TopicKind,
  query: Type.String(),
  createdAt: Iso,
  backfill: BackfillProgress,
});

export const TopicBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    kind: TopicKind,
    query: Type.String({
      minLength: 1,
      maxLength: MAX_QUERY_LENGTH,
      description:
        'Boolean query: words, "phrases", trailing wildcards (refun*), a NEAR/3 b, #tag, @handle, author:, lang:, source:, followers:>1000, sentiment:negative, intent:complaint, has:link; AND (or a space), OR, NOT (or -), parentheses',
    }),
  },
  { additionalProperties: false },
);

export const TopicChange = Type.Object(
  {
    name: Type.Optional(TopicBody.properties.name),
    kind: Type.Optional(TopicKind),
    query: Type.Optional(TopicBody.properties.query),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Mention = Type.Object({
  id: Type.String(),
  source: Type.String(),
  externalId: Type.String(),
  postId: Nullable(Type.String()),
  text: Type.String(),
  author: Type.Object({ handle: Type.String(), followers: Nullable(Int) }),
  language: Type.String(),
  postedAt: Iso,
  url: Nullable(Type.String()),
  inReplyTo: Nullable(Type.String()),
  reshares: Int,
  hashtags: Type.Array(Type.String()),
  sentiment: Type.Number(),
  intent: Type.String(),
  products: Type.Array(Type.String()),
  competitors: Type.Array(Type.String()),
  /** The care conversation opened from this mention (Souk posts only). */
  careConversationId: Nullable(Type.String()),
});

const MentionTag = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Union([TopicKind, Type.Literal('tag')]),
});
export const MentionPage = pageOf(Type.Object({ ...Mention.properties, tags: Type.Array(MentionTag) }));
export const Thread = Type.Object({ items: Type.Array(Type.Object({ ...Mention.properties, depth: Int })) });

export const WindowQuery = Type.Object(
  {
    from: Type.Optional(Iso),
    to: Type.Optional(Iso),
    bucket: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('hour')])),
  },
  { additionalProperties: false },
);

export const MentionQuery = Type.Object(
  {
    ...PageQuery.properties,
    topicId: Type.Optional(Type.String({ format: 'uuid' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_QUERY_LENGTH })),
    from: Type.Optional(Iso),
    to: Type.Optional(Iso),
    intent: Type.Optional(IntentName),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
    author: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    hashtag: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    tag: Type.Optional(
      Type.String({ format: 'uuid', description: 'a topic or auto-tagging rule: its mentions only' }),
    ),
    sentiment: Type.Optional(Sentiment),
  },
  { additionalProperties: false },
);

const Keyed = Type.Object({ key: Type.String(), count: Int });

export const TopicSummary = Type.Object({
  topic: Topic,
  from: Iso,
  to: Iso,
  bucket: Type.Union([Type.Literal('day'), Type.Literal('hour')]),
  count: Int,
  series: Type.Array(
    Type.Object({ at: Iso, count: Int, negative: Int, positive: Int, sentiment: Type.Number() }),
  ),
  shareOfVoice: Type.Array(
    Type.Object({ topicId: Type.String(), name: Type.String(), count: Int, share: Type.Number() }),
  ),
  intents: Type.Array(Keyed),
  languages: Type.Array(Keyed),
  authors: Type.Array(Type.Object({ handle: Type.String(), followers: Nullable(Int), count: Int })),
  hashtags: Type.Array(Keyed),
  terms: Type.Array(Keyed),
});

export const ImportQuery = Type.Object(
  {
    format: Type.Union(IMPORT_FORMATS.map((f) => Type.Literal(f))),
    fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    author: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'tweets-js: the archive’s handle' }),
    ),
    mapping: Type.Optional(
      Type.String({
        maxLength: 2000,
        description:
          'csv and jsonl: a JSON object naming the column (or key) of each field: id, text, createdAt (required), author, followers, lang, url, inReplyTo, reshares',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ImportReport = Type.Object({
  id: Type.String(),
  format: Type.String(),
  fileName: Nullable(Type.String()),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  imported: Int,
  duplicates: Int,
  ignored: Int,
  errorCount: Int,
  errors: Type.Array(Type.Object({ line: Int, reason: Type.String() })),
  failure: Nullable(Type.String()),
  startedAt: Iso,
  finishedAt: Nullable(Iso),
});

const Overrepresented = Type.Object({
  key: Type.String(),
  spike: Int,
  baseline: Int,
  z: Type.Number({
    description: 'weighted log-odds z-score against the four weeks before (≥ 1.96: over-represented)',
  }),
});
export const Spike = Type.Object({
  id: Type.String(),
  topicId: Type.String(),
  startedAt: Iso,
  endedAt: Iso,
  peakAt: Iso,
  observed: Type.Integer({ description: 'mentions in the spike' }),
  expected: Type.Number({ description: 'mentions the same hours of the week usually hold' }),
  ratio: Type.Number(),
  pValue: Type.Number({ description: 'chance of a count this high had the rate not changed' }),
  why: Type.Object({
    terms: Type.Array(Overrepresented),
    hashtags: Type.Array(Overrepresented),
    authors: Type.Array(Overrepresented),
    topMention: Nullable(
      Type.Object({ id: Type.String(), text: Type.String(), authorHandle: Type.String(), reshares: Int }),
    ),
  }),
  detectedAt: Iso,
});
export const SpikeQuery = Type.Object(
  { topicId: Type.Optional(Type.String({ format: 'uuid' })) },
  { additionalProperties: false },
);

const RuleQuery = Type.String({
  minLength: 1,
  maxLength: MAX_QUERY_LENGTH,
  description: 'The query whose mentions get the tag (the topic query language)',
});
const RuleTag = Type.String({ minLength: 1, maxLength: 80, description: 'The tag its mentions get' });

export const Rule = Type.Object({
  id: Type.String(),
  tag: Type.String(),
  query: Type.String(),
  createdAt: Iso,
  backfill: BackfillProgress,
});
export const RuleBody = Type.Object({ tag: RuleTag, query: RuleQuery }, { additionalProperties: false });
export const RuleChange = Type.Object(
  { tag: Type.Optional(RuleTag), query: Type.Optional(RuleQuery) },
  { additionalProperties: false, minProperties: 1 },
);
