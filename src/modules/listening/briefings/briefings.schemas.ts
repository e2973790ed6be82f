import Type from 'typebox';

const Iso = Type.String({ format: 'date-time' });
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Int = Type.Integer();
const Keyed = Type.Object({ key: Type.String(), count: Int });
const Driver = Type.Object({
  key: Type.String(),
  count: Int,
  z: Type.Number({
    description: 'weighted log-odds z-score of the term in these mentions against the others',
  }),
});

/** Every figure of a briefing book, as stored (a snapshot) and as sent. */
export const BriefingFigures = Type.Object({
  brand: Type.Object({ handle: Type.String(), name: Type.String() }),
  period: Type.Object({ from: Iso, to: Iso, previousFrom: Iso }),
  /** The executive summary: sentences written from the figures below. */
  summary: Type.Array(Type.String()),
  topics: Type.Array(Type.String({ description: 'the brand topics the mentions were counted with' })),
  volume: Type.Object({
    mentions: Int,
    previousMentions: Int,
    series: Type.Array(Type.Object({ day: Type.String(), count: Int, negative: Int, positive: Int })),
  }),
  sentiment: Type.Object({
    average: Type.Number(),
    previousAverage: Type.Number(),
    positive: Int,
    negative: Int,
    negativeDrivers: Type.Array(Driver),
    positiveDrivers: Type.Array(Driver),
  }),
  shareOfVoice: Type.Array(
    Type.Object({
      name: Type.String(),
      kind: Type.Union([Type.Literal('brand'), Type.Literal('competitor')]),
      count: Int,
      share: Type.Number(),
    }),
  ),
  spikes: Type.Array(
    Type.Object({
      topicName: Type.String(),
      startedAt: Iso,
      observed: Int,
      expected: Type.Number(),
      causes: Type.Array(Type.String()),
      topMention: Nullable(Type.Object({ text: Type.String(), authorHandle: Type.String() })),
    }),
  ),
  topConversations: Type.Array(
    Type.Object({
      mentionId: Type.String(),
      authorHandle: Type.String(),
      followers: Nullable(Int),
      text: Type.String(),
      reshares: Int,
      replies: Int,
      sentiment: Type.Number(),
      postedAt: Iso,
      url: Nullable(Type.String()),
    }),
  ),
  intents: Type.Array(Keyed),
  care: Type.Object({
    conversations: Int,
    answered: Int,
    firstResponseMedianMinutes: Nullable(Type.Number()),
    resolutionRate: Nullable(Type.Number()),
    resolutionMedianMinutes: Nullable(Type.Number()),
    csatAverage: Nullable(Type.Number()),
    csatResponses: Int,
  }),
  ideas: Type.Object({
    raised: Int,
    shipped: Int,
    top: Type.Array(Type.Object({ title: Type.String(), votes: Int, status: Type.String() })),
  }),
  requests: Type.Object({ received: Int, pitched: Int }),
  sales: Type.Object({
    orders: Int,
    revenueMinor: Int,
    currency: Nullable(Type.String()),
    bySource: Type.Array(Type.Object({ kind: Type.String(), orders: Int, revenueMinor: Int })),
  }),
});
export type BriefingFigures = Type.Static<typeof BriefingFigures>;

const Cadence = Type.Union([Type.Literal('weekly'), Type.Literal('on_demand')]);

export const BriefingItem = Type.Object({
  id: Type.String(),
  cadence: Cadence,
  from: Iso,
  to: Iso,
  mentions: Int,
  createdAt: Iso,
});
export const Briefing = Type.Object({
  ...BriefingItem.properties,
  figures: BriefingFigures,
  pdfUrl: Type.String({ description: 'the same book as a PDF with its charts' }),
});
export const BriefingList = Type.Object({ items: Type.Array(BriefingItem) });

export const BriefingBody = Type.Object(
  {
    from: Type.Optional(Iso),
    to: Type.Optional(Iso),
  },
  {
    additionalProperties: false,
    description: 'The period (at most a year); without one, the last full week (Monday to Monday, UTC)',
  },
);
