import Type from 'typebox';
import { pageOf } from '../../../platform/http/pagination.ts';
import { AccountSummary } from '../../identity/index.ts';

export const tags = ['advocates'];

const TierKey = Type.String({
  pattern: '^[a-z][a-z0-9-]{0,29}$',
  description: 'Names the tier in audiences: `tier:<key>` (that tier and those above it)',
});

export const Tier = Type.Object({
  key: Type.String(),
  name: Type.String(),
  minPoints: Type.Integer({ description: 'Rolling 12-month points that reach this tier' }),
  perks: Type.String({ description: 'What the tier brings, in the brand’s words' }),
});

export const Ladder = Type.Object({
  tiers: Type.Array(Tier, { description: 'Lowest first' }),
  isDefault: Type.Boolean({ description: 'The brand has not set its own ladder' }),
});

export const LadderBody = Type.Object(
  {
    tiers: Type.Array(
      Type.Object(
        {
          key: TierKey,
          name: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
          minPoints: Type.Integer({ minimum: -1_000_000, maximum: 10_000_000 }),
          perks: Type.Optional(Type.String({ maxLength: 300 })),
        },
        { additionalProperties: false },
      ),
      {
        minItems: 1,
        maxItems: 8,
        description: 'Lowest first: the first starts at 0, each needs more points',
      },
    ),
  },
  { additionalProperties: false },
);

export const TierChange = Type.Object({
  id: Type.String({ format: 'uuid' }),
  person: AccountSummary,
  from: Type.Union([Type.String(), Type.Null()], { description: 'null: their first tier' }),
  to: Type.String(),
  direction: Type.Union([Type.Literal('joined'), Type.Literal('up'), Type.Literal('down')]),
  points: Type.Integer({ description: 'Rolling 12-month points after the move' }),
  reason: Type.String({ description: 'The ledger entry that moved them, or points ageing out' }),
  createdAt: Type.String({ format: 'date-time' }),
});

export const TierChangesPage = pageOf(TierChange);

export const TierChangesQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

/** A person's standing with a brand, shown beside their points. */
export const Standing = Type.Object({
  tier: Type.Object({ key: Type.String(), name: Type.String(), perks: Type.String() }),
  next: Type.Union([
    Type.Object({ key: Type.String(), name: Type.String(), minPoints: Type.Integer(), perks: Type.String() }),
    Type.Null(),
  ]),
  pointsToNext: Type.Union([Type.Integer(), Type.Null()]),
});
