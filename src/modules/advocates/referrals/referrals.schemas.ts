import Type from 'typebox';
import { pageOf } from '../../../platform/http/pagination.ts';
import { AccountSummary } from '../../identity/index.ts';
import { Standing } from '../tiers/tiers.schemas.ts';

export const tags = ['advocates'];

export const ReferralStatus = Type.Union(
  [
    Type.Literal('pending'),
    Type.Literal('flagged'),
    Type.Literal('earned'),
    Type.Literal('cancelled'),
    Type.Literal('rejected'),
    Type.Literal('refused'),
    Type.Literal('reversed'),
  ],
  {
    description:
      'pending: inside the hold; flagged: waits for the brand’s review; earned: counted and rewarded; cancelled: the order was cancelled or refunded inside the hold; rejected: refused by the brand on review; refused: broke a rule (self-referral, not a first order); reversed: refunded after it was earned',
  },
);

const Iso = Type.String({ format: 'date-time' });
const NullableIso = Type.Union([Iso, Type.Null()]);

const referralFields = {
  id: Type.String({ format: 'uuid' }),
  totalMinor: Type.Integer(),
  currency: Type.String(),
  status: ReferralStatus,
  reason: Type.Union([Type.String(), Type.Null()], {
    description: 'Why it was refused, flagged, cancelled…',
  }),
  placedAt: Iso,
  earnAt: Type.String({ format: 'date-time', description: 'When the hold ends' }),
};

export const BrandReferral = Type.Object({
  ...referralFields,
  referrer: AccountSummary,
  buyer: Type.Union([AccountSummary, Type.Null()]),
  orderId: Type.String({ format: 'uuid' }),
  paidAt: NullableIso,
  decidedAt: NullableIso,
});

export const MyReferral = Type.Object({ ...referralFields, brand: AccountSummary });

export const BrandReferralsPage = pageOf(BrandReferral);
export const MyReferralsPage = Type.Object({
  ...pageOf(MyReferral).properties,
  code: Type.String({ description: 'The person’s referral code (their handle): `?ref=` on any deal link' }),
});

export const ReferralsQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    status: Type.Optional(ReferralStatus),
  },
  { additionalProperties: false },
);

export const MyReferralsQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    reason: Type.String({ minLength: 3, maxLength: 500, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

export const ReferralSettings = Type.Object(
  {
    holdDays: Type.Integer({
      minimum: 0,
      maximum: 365,
      description: 'Days after the order before a referral is earned (keep it past the refund window)',
    }),
    strangerFlagThreshold: Type.Integer({
      minimum: 2,
      maximum: 100_000,
      description:
        'Flag a referrer’s code for review once this many people with no follow connection to them used it',
    }),
  },
  { additionalProperties: false },
);

export const RewardKind = Type.Union([
  Type.Literal('referral_earned'),
  Type.Literal('reshare_sale'),
  Type.Literal('idea_implemented'),
  Type.Literal('staff_share'),
  Type.Literal('staff_sale'),
]);
export const ContributionKind = Type.Union([...RewardKind.anyOf, Type.Literal('reversal')]);

export const PointsRules = Type.Object({
  rules: Type.Array(
    Type.Object({
      kind: RewardKind,
      points: Type.Integer({ description: 'Points per contribution (the brand’s or the default)' }),
      isDefault: Type.Boolean(),
    }),
  ),
});

export const PointsRulesBody = Type.Object(
  {
    rules: Type.Array(
      Type.Object(
        { kind: RewardKind, points: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 3 },
    ),
  },
  { additionalProperties: false },
);

export const LedgerEntry = Type.Object({
  id: Type.String({ format: 'uuid' }),
  brand: AccountSummary,
  kind: ContributionKind,
  points: Type.Integer(),
  note: Type.String({ description: 'How the points were earned' }),
  createdAt: Iso,
});

export const MyContributions = Type.Object({
  brands: Type.Array(
    Type.Object({
      brand: AccountSummary,
      points: Type.Integer({ description: 'All time' }),
      last12Months: Type.Integer({ description: 'Over the rolling last 12 months' }),
      ...Standing.properties,
    }),
  ),
  items: Type.Array(LedgerEntry, { description: 'The newest 100 entries' }),
});

export const MyContributionsQuery = Type.Object(
  { brand: Type.Optional(Type.String({ minLength: 1, maxLength: 31, description: 'Only this brand' })) },
  { additionalProperties: false },
);

export const OrgReferralParams = Type.Object(
  { handle: Type.String({ maxLength: 31 }), id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
