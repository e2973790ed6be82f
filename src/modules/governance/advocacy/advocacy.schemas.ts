import Type from 'typebox';
import { Count } from '../../../platform/http/schemas.ts';
import { AccountSummary, HandleParam } from '../../identity/index.ts';

export const advocacyTags = ['governance'];

const PostRef = Type.Ref('Post');
const Id = Type.String({ format: 'uuid' });

export const LibraryPostParams = Type.Object(
  { ...HandleParam.properties, postId: Id },
  { additionalProperties: false },
);

export const Topic = Type.String({
  minLength: 1,
  maxLength: 60,
  pattern: '\\S',
  description: 'What the post is about, to group the library by (e.g. "Launches", "Behind the scenes")',
});

export const ShareableInput = Type.Object(
  {
    topic: Topic,
    caption: Type.Optional(
      Type.Union([Type.String({ maxLength: 500 }), Type.Null()], {
        description: 'A suggested caption employees may start from when they quote the post',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Money = Type.Object({ currency: Type.String(), amountMinor: Type.Integer() });

const MyShare = Type.Object({
  id: Id,
  postId: Id,
  kind: Type.Union([Type.Literal('reshare'), Type.Literal('quote')]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const LibraryItem = Type.Object({
  post: PostRef,
  topic: Type.String(),
  caption: Type.Union([Type.String(), Type.Null()]),
  markedAt: Type.String({ format: 'date-time' }),
  shares: Type.Integer({ description: 'How often employees shared it' }),
  orders: Type.Integer({ description: 'Paid orders its shares led to' }),
  revenue: Type.Array(Money, {
    description: 'What those orders are worth now (net of refunds), per currency',
  }),
  myShare: Type.Union([MyShare, Type.Null()], { description: 'The caller’s own share of it, if any' }),
});

export const Library = Type.Object({
  items: Type.Array(LibraryItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  topics: Type.Array(Type.Object({ topic: Type.String(), posts: Type.Integer() })),
});

export const LibraryQuery = Type.Object(
  {
    topic: Type.Optional(Type.String({ maxLength: 60 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);

export const ShareInput = Type.Object(
  {
    mode: Type.Union([Type.Literal('reshare'), Type.Literal('quote')], {
      description:
        'Reshare the post as it is, or quote it with your own words (linted by the brand’s policy)',
    }),
    text: Type.Optional(Type.String({ maxLength: 5000 })),
    policyOverride: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'Why the policy’s warnings do not apply' }),
    ),
  },
  { additionalProperties: false },
);

export const StaffShare = Type.Object({
  id: Id,
  libraryPostId: Id,
  postId: Id,
  kind: Type.Union([Type.Literal('reshare'), Type.Literal('quote')]),
  followersReached: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const SortKey = Type.Union(
  [Type.Literal('points'), Type.Literal('reach'), Type.Literal('engagement'), Type.Literal('revenue')],
  { description: 'What ranks the board (revenue: members who see sales only)' },
);

export const PeriodQuery = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Start (default: 30 days ago)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'End, exclusive (default: now)' })),
};

export const LeaderboardQuery = Type.Object(
  { ...PeriodQuery, sort: Type.Optional(SortKey) },
  { additionalProperties: false },
);

const Engagement = Type.Object({
  likes: Count(),
  replies: Count(),
  reshares: Count({ description: 'Reshares and quotes made through the shares' }),
  total: Count(),
});

export const LeaderboardEntry = Type.Object({
  rank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description: 'Place on the board; null for a member with nothing in the period',
  }),
  person: AccountSummary,
  shares: Type.Integer(),
  reach: Type.Integer({
    description: 'Followers reached by the shares (each share: the sharer’s followers then)',
  }),
  engagement: Engagement,
  orders: Type.Integer(),
  revenue: Type.Union([Type.Array(Money), Type.Null()], {
    description: 'Attributed revenue net of refunds; null unless the caller sees sales or it is their own',
  }),
  points: Type.Integer({ description: 'Points for shares and attributed sales in the period' }),
});

export const Leaderboard = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  sort: SortKey,
  items: Type.Array(LeaderboardEntry),
  me: Type.Union([LeaderboardEntry, Type.Null()], { description: 'The caller’s own place and points' }),
});

export const StaffSharesQuery = Type.Object(
  {
    ...PeriodQuery,
    ledToSales: Type.Optional(
      Type.Boolean({ description: 'Only shares that led to at least one paid order' }),
    ),
  },
  { additionalProperties: false },
);

export const StaffShareReport = Type.Object({
  id: Id,
  employee: AccountSummary,
  kind: Type.Union([Type.Literal('reshare'), Type.Literal('quote')]),
  libraryPostId: Id,
  post: Type.Union([PostRef, Type.Null()], { description: 'The share itself (null once deleted)' }),
  createdAt: Type.String({ format: 'date-time' }),
  reach: Type.Integer(),
  engagement: Engagement,
  orders: Type.Array(
    Type.Object({
      orderId: Id,
      status: Type.String(),
      netMinor: Type.Integer(),
      currency: Type.String(),
      paidAt: Type.String({ format: 'date-time' }),
    }),
  ),
  revenue: Type.Array(Money),
});

export const StaffShares = Type.Object({ items: Type.Array(StaffShareReport) });
