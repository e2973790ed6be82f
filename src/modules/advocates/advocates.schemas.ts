import Type from 'typebox';
import { pageOf } from '../../platform/http/pagination.ts';
import { AccountSummary } from '../identity/index.ts';

export const tags = ['advocates'];

export const Advocate = Type.Object({
  account: AccountSummary,
  follower: Type.Boolean({ description: 'Follows the brand' }),
  customer: Type.Boolean({ description: 'Has a paid order with the brand' }),
  score: Type.Number({ description: 'reach × value × referral conversion' }),
  reach: Type.Number({
    description: 'Follow-graph PageRank × the number of people (1 is an average person)',
  }),
  followers: Type.Integer(),
  amplification: Type.Number({
    description: 'Reshare-graph PageRank × the number of people, weighted by the reshares’ reach and sales',
  }),
  reshareSalesMinor: Type.Integer({ description: 'This brand’s sales that came through their reshares' }),
  lifetimeValueMinor: Type.Integer({ description: 'Spend to date plus the predicted next 12 months' }),
  valueFactor: Type.Number({ description: '1 + lifetime value ÷ the brand’s mean customer lifetime value' }),
  referralsTouched: Type.Integer({ description: 'People who arrived through their referral link' }),
  referralsConverted: Type.Integer({ description: 'Of those, people who placed a paid order' }),
  referralConversion: Type.Number({ description: '(converted + 1) ÷ (arrived + 2)' }),
  community: Type.Integer({ description: 'Community in the follow graph (Louvain); -1 when unknown' }),
  bridge: Type.Boolean({ description: 'Their follows span several communities' }),
});

export const AdvocateQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    community: Type.Optional(Type.Integer({ minimum: -1, maximum: 10_000_000 })),
    segmentId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only the members of a saved segment' }),
    ),
    bridges: Type.Optional(
      Type.Boolean({
        description: 'Only the people whose follows span several communities (whom to introduce)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Run = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  trigger: Type.Union([Type.Literal('schedule'), Type.Literal('request')]),
  requestedAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  people: Type.Union([Type.Integer(), Type.Null()]),
  communities: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});

export const AdvocatesPage = Type.Object({
  ...pageOf(Advocate).properties,
  communities: Type.Array(Type.Object({ community: Type.Integer(), people: Type.Integer() }), {
    description: 'Communities among this brand’s followers and customers, largest first',
  }),
  lastRun: Type.Union([Run, Type.Null()]),
});

export const SegmentRules = {
  community: Type.Optional(Type.Integer({ minimum: -1, maximum: 10_000_000 })),
  minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12 })),
  topN: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
};

export const SegmentBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }), ...SegmentRules },
  { additionalProperties: false },
);

export const Segment = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  community: Type.Union([Type.Integer(), Type.Null()]),
  minScore: Type.Union([Type.Number(), Type.Null()]),
  topN: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const OrgSegmentParams = Type.Object(
  { handle: Type.String({ maxLength: 31 }), id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
