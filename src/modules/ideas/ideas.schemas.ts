import Type from 'typebox';
import { Count } from '../../platform/http/schemas.ts';
import { AccountSummary } from '../identity/index.ts';

const Uuid = Type.String({ format: 'uuid' });
const Iso = Type.String({ format: 'date-time' });

export const IdeaStatusSchema = Type.Union([
  Type.Literal('new'),
  Type.Literal('under_review'),
  Type.Literal('planned'),
  Type.Literal('in_progress'),
  Type.Literal('shipped'),
  Type.Literal('declined'),
]);

export const IdeaParam = Type.Object({ id: Uuid }, { additionalProperties: false });
export const OrgParam = Type.Object(
  { handle: Type.String({ maxLength: 31 }) },
  { additionalProperties: false },
);

export const NewIdeaBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 140 }),
    description: Type.String({ minLength: 1, maxLength: 5000 }),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    imageUrls: Type.Optional(
      Type.Array(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }), { maxItems: 4 }),
    ),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    sort: Type.Optional(Type.Union([Type.Literal('top'), Type.Literal('new'), Type.Literal('trending')])),
    status: Type.Optional(IdeaStatusSchema),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const SimilarQuery = Type.Object(
  { q: Type.String({ minLength: 3, maxLength: 140, description: 'The title typed so far' }) },
  { additionalProperties: false },
);

export const Idea = Type.Object(
  {
    id: Type.String(),
    org: AccountSummary,
    author: Type.Union([AccountSummary, Type.Null()]),
    title: Type.String(),
    description: Type.String(),
    category: Type.Union([Type.String(), Type.Null()]),
    imageUrls: Type.Array(Type.String()),
    status: IdeaStatusSchema,
    declinedReason: Type.Union([Type.String(), Type.Null()]),
    owner: Type.Union([AccountSummary, Type.Null()]),
    mergedIntoId: Type.Union([Type.String(), Type.Null()], {
      description: 'Set when the idea was merged into another: show that one instead',
    }),
    careConversationId: Type.Union([Type.String(), Type.Null()], {
      description: 'The care conversation the idea came from (sent to the brand’s members only)',
    }),
    votes: Type.Integer(),
    comments: Type.Integer(),
    yourVotes: Type.Integer({ description: 'Your active votes on it (0 when signed out)' }),
    createdAt: Iso,
    shippedAt: Type.Union([Iso, Type.Null()]),
    challengeId: Type.Union([Type.String(), Type.Null()], {
      description: 'The private challenge it was posted to (null on the public portal)',
    }),
    hidden: Type.Boolean({ description: 'Hidden after reports until the brand restores it' }),
  },
  { $id: 'Idea' },
);

export const Budget = Type.Object({
  votesPerPerson: Type.Integer(),
  votesPerIdea: Type.Integer(),
  used: Type.Integer(),
  left: Type.Integer(),
});

export const TimelineEntry = Type.Object({
  kind: Type.Union([
    Type.Literal('posted'),
    Type.Literal('status'),
    Type.Literal('merged_in'),
    Type.Literal('owner'),
    Type.Literal('shipped'),
  ]),
  status: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Union([AccountSummary, Type.Null()]),
  at: Iso,
});

export const IdeaDetail = Type.Object({
  idea: Type.Ref('Idea'),
  following: Type.Boolean(),
  followers: Type.Integer(),
  budget: Type.Union([Budget, Type.Null()], {
    description: 'Your votes with the brand (null when signed out)',
  }),
  timeline: Type.Array(TimelineEntry),
  products: Type.Array(Type.Ref('Product'), { description: 'What the idea shipped as' }),
});

export const Comment = Type.Object({
  id: Type.String(),
  author: Type.Union([AccountSummary, Type.Null()]),
  body: Type.String(),
  official: Type.Boolean({ description: 'An official response from the brand' }),
  hidden: Type.Boolean({ description: 'Hidden after reports (shown to its author and the brand)' }),
  createdAt: Iso,
});

export const CommentBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 4000 }),
    official: Type.Optional(Type.Boolean({ description: 'Answer as the brand (members of the brand only)' })),
  },
  { additionalProperties: false },
);

export const VoteBody = Type.Object(
  {
    votes: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Your votes on this idea; 0 takes them back',
    }),
  },
  { additionalProperties: false },
);

export const VoteResult = Type.Object({
  ideaVotes: Type.Integer(),
  yourVotes: Type.Integer(),
  budget: Budget,
});

export const SimilarIdea = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: IdeaStatusSchema,
  votes: Type.Integer(),
  similarity: Type.Number(),
});

export const StatusBody = Type.Object(
  {
    status: Type.Union([
      Type.Literal('new'),
      Type.Literal('under_review'),
      Type.Literal('planned'),
      Type.Literal('in_progress'),
      Type.Literal('declined'),
    ]),
    reason: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1000, description: 'Required when declining' }),
    ),
  },
  { additionalProperties: false },
);

export const OwnerBody = Type.Object(
  {
    owner: Type.Union([Type.String({ maxLength: 31 }), Type.Null()], {
      description: 'A member’s handle, or null',
    }),
  },
  { additionalProperties: false },
);

export const MergeBody = Type.Object({ intoId: Uuid }, { additionalProperties: false });

export const ShipBody = Type.Object(
  {
    productIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
    note: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1000, description: 'Told to voters and followers' }),
    ),
  },
  { additionalProperties: false },
);

export const ScoreBody = Type.Object(
  { impact: Type.Integer({ minimum: 1, maximum: 5 }), effort: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);

export const RankingItem = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: IdeaStatusSchema,
  votes: Type.Integer(),
  impact: Type.Number({ description: 'Mean impact, 1–5' }),
  effort: Type.Number({ description: 'Mean effort, 1–5' }),
  scorecards: Type.Integer(),
});

export const SettingsBody = Type.Object(
  {
    votesPerPerson: Type.Integer({ minimum: 1, maximum: 1000 }),
    votesPerIdea: Type.Integer({ minimum: 1, maximum: 100 }),
    hideAfterReports: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100,
        description: 'Distinct reports that hide an idea or comment',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Settings = Type.Object({
  votesPerPerson: Type.Integer(),
  votesPerIdea: Type.Integer(),
  hideAfterReports: Type.Integer(),
});

export const ReturnsItem = Type.Object({
  id: Type.String(),
  title: Type.String(),
  votes: Type.Integer(),
  shippedAt: Type.Union([Iso, Type.Null()]),
  orders: Count(),
  buyers: Count(),
  revenueMinor: Type.Integer({ description: 'Integer minor units of the idea’s products in those orders' }),
  currency: Type.Union([Type.String(), Type.Null()], { description: 'Null while no order is attributed' }),
});

const RoleName = Type.Union(
  ['owner', 'admin', 'marketer', 'agent', 'sales', 'employee', 'partner'].map((r) => Type.Literal(r)),
);

export const ChallengeParam = Type.Object({ id: Uuid }, { additionalProperties: false });

export const NewChallengeBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 140 }),
    description: Type.String({ minLength: 1, maxLength: 5000 }),
    closesAt: Type.String({ format: 'date-time', description: 'No new ideas or votes after this' }),
    segmentId: Type.Optional(Uuid),
    tier: Type.Optional(
      Type.String({
        pattern: '^[a-z][a-z0-9-]{0,29}$',
        description: 'Invite a tier of the brand’s advocates and those above it, by key (co-design)',
      }),
    ),
    roles: Type.Optional(Type.Array(RoleName, { maxItems: 7, uniqueItems: true })),
    invitees: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 31 }), { maxItems: 200, description: 'Handles' }),
    ),
  },
  { additionalProperties: false },
);

export const Challenge = Type.Object({
  id: Uuid,
  org: AccountSummary,
  title: Type.String(),
  description: Type.String(),
  closesAt: Iso,
  open: Type.Boolean(),
  ideas: Count(),
  /** Who is invited; for the brand only (null for invitees). */
  audience: Type.Union([
    Type.Object({
      segmentId: Type.Union([Uuid, Type.Null()]),
      tier: Type.Union([Type.String(), Type.Null()], { description: 'The invited tier’s key' }),
      roles: Type.Array(Type.String()),
      invitees: Type.Array(AccountSummary),
    }),
    Type.Null(),
  ]),
  createdAt: Iso,
});

export const ChallengeDetail = Type.Object({
  challenge: Challenge,
  ideas: Type.Array(Type.Ref('Idea')),
});

export const ReportBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const ReportResult = Type.Object({ reports: Count(), hidden: Type.Boolean() });

export const CommentParam = Type.Object({ id: Uuid }, { additionalProperties: false });

const ReportReason = Type.Object({ reason: Type.String(), at: Iso });

const Moderation = {
  author: Type.Union([AccountSummary, Type.Null()]),
  reports: Count({ description: 'Distinct people who reported it' }),
  reasons: Type.Array(ReportReason, { description: 'What the reporters said, oldest first' }),
  hiddenAt: Iso,
  keptHiddenAt: Type.Union([Iso, Type.Null()], {
    description: 'When the brand decided to keep it hidden; null while it awaits a decision',
  }),
};

export const HiddenItems = Type.Object({
  ideas: Type.Array(
    Type.Object({ id: Uuid, title: Type.String(), description: Type.String(), ...Moderation }),
  ),
  comments: Type.Array(
    Type.Object({ id: Uuid, ideaId: Uuid, ideaTitle: Type.String(), body: Type.String(), ...Moderation }),
  ),
});
