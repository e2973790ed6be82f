import Type from 'typebox';
import { MinorUnits } from '../../platform/http/schemas.ts';
import { AddressBody } from '../commerce/index.ts';
import { AccountSummary } from '../identity/index.ts';

const Uuid = Type.String({ format: 'uuid' });
const Iso = Type.String({ format: 'date-time' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
const Handle = Type.String({ minLength: 1, maxLength: 31, pattern: '^@?[A-Za-z0-9_]+$' });

export const IdParam = Type.Object({ id: Uuid }, { additionalProperties: false });
export const OrgParam = Type.Object(
  { handle: Type.String({ maxLength: 31 }) },
  { additionalProperties: false },
);

export const NewRequestBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 140, description: 'What you need, in a line' }),
    details: Type.String({ maxLength: 2000, default: '' }),
    budgetMinor: MinorUnits({ description: 'Your budget in integer minor units of `currency`' }),
    currency: Currency,
    deadline: Type.String({ format: 'date-time', description: 'Pitches close then; in the next 90 days' }),
    location: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    brands: Type.Array(Handle, {
      minItems: 1,
      maxItems: 10,
      description:
        'Handles of the brands asked; only they may pitch (orgs carry no industry yet, so requests name their brands)',
    }),
  },
  { additionalProperties: false },
);

export const QuoteLineBody = Type.Object(
  {
    variantId: Uuid,
    quantity: Type.Integer({ minimum: 1, maximum: 100 }),
    unitPriceMinor: MinorUnits({ description: 'The quoted unit price, integer minor units' }),
  },
  { additionalProperties: false },
);

const PitchFields = {
  title: Type.String({ minLength: 3, maxLength: 140 }),
  terms: Type.String({ maxLength: 1000, description: 'Delivery, warranty, payment terms' }),
  message: Type.String({ maxLength: 1000 }),
  items: Type.Array(QuoteLineBody, { minItems: 1, maxItems: 20, description: 'The quote: catalog lines' }),
};

export const NewPitchBody = Type.Object({ brand: Handle, ...PitchFields }, { additionalProperties: false });

export const EditPitchBody = Type.Object(
  {
    title: Type.Optional(PitchFields.title),
    terms: Type.Optional(PitchFields.terms),
    message: Type.Optional(PitchFields.message),
    items: Type.Optional(PitchFields.items),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ShortlistBody = Type.Object({ shortlisted: Type.Boolean() }, { additionalProperties: false });
export const DeclineBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false },
);

export const AwardBody = Type.Object(
  {
    shippingAddressId: Type.Optional(Uuid),
    shippingAddress: Type.Optional(AddressBody),
    card: Type.Object(
      { number: Type.String({ pattern: '^[0-9 ]{12,23}$' }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')], { default: 'open' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const RequestState = Type.Union(
  [Type.Literal('open'), Type.Literal('closed'), Type.Literal('awarded'), Type.Literal('withdrawn')],
  { description: "'closed': the deadline passed without an award" },
);
const PitchState = Type.Union([
  Type.Literal('active'),
  Type.Literal('withdrawn'),
  Type.Literal('declined'),
  Type.Literal('won'),
  Type.Literal('lost'),
]);

const DmState = Type.Union([Type.Literal('invited'), Type.Literal('accepted'), Type.Literal('declined')]);

export const DmInviteBody = Type.Object(
  {
    brand: Handle,
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 280, description: 'The public question' })),
  },
  { additionalProperties: false },
);
export const DmAnswerBody = Type.Object(
  { brand: Handle, accept: Type.Boolean() },
  { additionalProperties: false },
);
export const DmResult = Type.Object({ brand: Type.String(), status: DmState });

export const RfpRequest = Type.Object(
  {
    id: Type.String({ description: 'Also the id of the request post' }),
    author: Type.Union([AccountSummary, Type.Null()]),
    title: Type.String(),
    details: Type.String(),
    budgetMinor: Type.Integer(),
    currency: Type.String(),
    deadline: Iso,
    location: Type.Union([Type.String(), Type.Null()]),
    state: RequestState,
    brands: Type.Array(AccountSummary, { description: 'The brands asked' }),
    pitchCount: Type.Integer(),
    awardedPitchId: Type.Union([Type.String(), Type.Null()]),
    createdAt: Iso,
  },
  { $id: 'RfpRequest' },
);

export const Pitch = Type.Object(
  {
    id: Type.String(),
    requestId: Type.String(),
    brand: Type.Union([AccountSummary, Type.Null()]),
    title: Type.String(),
    terms: Type.String(),
    message: Type.String(),
    totalMinor: Type.Integer({ description: 'The quote’s total: Σ quantity × unit price' }),
    currency: Type.String(),
    status: PitchState,
    shortlisted: Type.Boolean(),
    declineReason: Type.Union([Type.String(), Type.Null()]),
    items: Type.Array(
      Type.Object({
        productId: Type.String(),
        variantId: Type.String(),
        title: Type.String(),
        quantity: Type.Integer(),
        unitPriceMinor: Type.Integer(),
        listPriceMinor: Type.Integer({ description: 'The catalog price, for the saving the quote offers' }),
      }),
    ),
    createdAt: Iso,
    updatedAt: Iso,
  },
  { $id: 'Pitch' },
);

export const RequestPage = Type.Object({
  request: Type.Ref('RfpRequest'),
  pitches: Type.Array(Type.Ref('Pitch')),
  orderId: Type.Union([Type.String(), Type.Null()], {
    description: 'The order of the award; its buyer only',
  }),
  dm: Type.Array(Type.Object({ brand: Type.Union([AccountSummary, Type.Null()]), status: DmState }), {
    description: 'Brands that invited the requester to continue by direct message, and the answer',
  }),
  viewer: Type.Object({
    isRequester: Type.Boolean(),
    canPitchAs: Type.Array(AccountSummary, { description: 'Asked brands the caller may pitch for' }),
  }),
});

export const QueueItem = Type.Object({
  request: Type.Ref('RfpRequest'),
  myPitchId: Type.Union([Type.String(), Type.Null()]),
  myPitchStatus: Type.Union([PitchState, Type.Null()]),
  conversationId: Type.Union([Type.String(), Type.Null()], {
    description: 'The care conversation it was made from (an agent proposed it and its author said yes)',
  }),
});

export const AwardResult = Type.Object({
  requestId: Type.String(),
  pitchId: Type.String(),
  orderId: Type.String(),
});

export const Report = Type.Object({
  received: Type.Integer({ description: 'Requests that asked the brand' }),
  pitched: Type.Integer({ description: 'Requests the brand pitched on' }),
  pitches: Type.Integer(),
  movedToDm: Type.Integer({ description: 'Requests whose requester accepted the brand’s invitation to DM' }),
  won: Type.Integer(),
  lost: Type.Integer(),
  winRate: Type.Union([Type.Number(), Type.Null()], {
    description: 'won / (won + lost); null before any award',
  }),
  meanSecondsToFirstPitch: Type.Union([Type.Number(), Type.Null()]),
  revenue: Type.Array(Type.Object({ currency: Type.String(), totalMinor: Type.Integer() })),
  rivals: Type.Array(
    Type.Object({
      brand: Type.Union([AccountSummary, Type.Null()]),
      wonAgainst: Type.Integer(),
      lostTo: Type.Integer(),
    }),
  ),
  quotes: Type.Object(
    {
      open: Type.Integer(),
      accepted: Type.Integer({ description: 'Ordered' }),
      expired: Type.Integer(),
      declined: Type.Integer(),
      revenue: Type.Array(Type.Object({ currency: Type.String(), totalMinor: Type.Integer() })),
    },
    { description: 'VRM quotes by state' },
  ),
});

export type NewRequestInput = Type.Static<typeof NewRequestBody>;
export type NewPitchInput = Type.Static<typeof NewPitchBody>;
export type EditPitchInput = Type.Static<typeof EditPitchBody>;
export type AwardInput = Type.Static<typeof AwardBody>;

// VRM quotes

export const ProductParam = Type.Object(
  { handle: Type.String({ maxLength: 31 }), productId: Uuid },
  { additionalProperties: false },
);

export const MarginRuleBody = Type.Object(
  {
    costMinor: Type.Optional(MinorUnits({ description: 'What the product costs the brand, minor units' })),
    minMarginPercent: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1000,
        description: 'The least margin over cost a quote keeps, percent',
      }),
    ),
    minPriceMinor: Type.Optional(MinorUnits({ description: 'The least unit price a quote may offer' })),
  },
  { additionalProperties: false },
);

const FloorReason = Type.Union([
  Type.Literal('margin'),
  Type.Literal('min_price'),
  Type.Literal('reseller_floor'),
  Type.Literal('none'),
]);

export const MarginRule = Type.Object({
  productId: Type.String(),
  title: Type.String(),
  listPriceMinor: Type.Integer(),
  currency: Type.String(),
  resellerFloorMinor: Type.Union([Type.Integer(), Type.Null()]),
  exclusive: Type.Boolean(),
  costMinor: Type.Union([Type.Integer(), Type.Null()]),
  minMarginPercent: Type.Union([Type.Integer(), Type.Null()]),
  minPriceMinor: Type.Union([Type.Integer(), Type.Null()]),
  floorMinor: Type.Integer({ description: 'No quote goes below this unit price' }),
  floorReason: FloorReason,
});

export const NewQuoteBody = Type.Object(
  {
    conversationId: Type.Optional(Uuid),
    customer: Type.Optional(Handle),
    items: Type.Array(
      Type.Object(
        {
          variantId: Uuid,
          quantity: Type.Integer({ minimum: 1, maximum: 100 }),
          unitPriceMinor: Type.Optional(
            MinorUnits({
              description: 'Leave out for the price Souk suggests from the ask and the margin rules',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    askedPriceMinor: Type.Optional(MinorUnits({ description: 'What the customer asked to pay in all' })),
    expiresInHours: Type.Integer({ minimum: 1, maximum: 720, default: 48 }),
    message: Type.Optional(Type.String({ maxLength: 500 })),
    sendAs: Type.Union([Type.Literal('public'), Type.Literal('private')], {
      default: 'public',
      description: 'A public reply in the thread or a direct message (which needs the customer’s consent)',
    }),
  },
  { additionalProperties: false },
);

export const QuoteState = Type.Union([
  Type.Literal('open'),
  Type.Literal('accepted'),
  Type.Literal('expired'),
  Type.Literal('declined'),
]);

export const Quote = Type.Object(
  {
    id: Type.String(),
    brand: Type.Union([AccountSummary, Type.Null()]),
    customer: Type.Union([AccountSummary, Type.Null()]),
    conversationId: Type.Union([Type.String(), Type.Null()], { description: 'The brand’s members only' }),
    message: Type.String(),
    askedPriceMinor: Type.Union([Type.Integer(), Type.Null()]),
    totalMinor: Type.Integer(),
    currency: Type.String(),
    sentAs: Type.Union([Type.Literal('public'), Type.Literal('private')]),
    state: QuoteState,
    expiresAt: Iso,
    orderId: Type.Union([Type.String(), Type.Null()]),
    items: Type.Array(
      Type.Object({
        productId: Type.String(),
        variantId: Type.String(),
        title: Type.String(),
        quantity: Type.Integer(),
        unitPriceMinor: Type.Integer(),
        listPriceMinor: Type.Integer(),
        floorMinor: Type.Optional(Type.Integer({ description: 'The brand’s members only' })),
      }),
    ),
    createdAt: Iso,
  },
  { $id: 'Quote' },
);

export const AcceptQuoteResult = Type.Object({ quoteId: Type.String(), orderId: Type.String() });

export const VrmQueue = Type.Object({
  items: Type.Array(
    Type.Object({
      conversationId: Type.String(),
      customer: Type.Union([AccountSummary, Type.Null()]),
      text: Type.String({ description: 'The customer’s latest message' }),
      privateConsent: Type.Union([
        Type.Literal('none'),
        Type.Literal('requested'),
        Type.Literal('granted'),
        Type.Literal('declined'),
      ]),
      asked: Type.Union([Type.Object({ amountMinor: Type.Integer(), currency: Type.String() }), Type.Null()]),
      matches: Type.Array(
        Type.Object({
          productId: Type.String(),
          variantId: Type.String(),
          title: Type.String(),
          score: Type.Number({ description: 'How well the message names it, 0 to 1' }),
          listPriceMinor: Type.Integer(),
          currency: Type.String(),
          floorMinor: Type.Integer(),
          suggestedUnitPriceMinor: Type.Integer(),
        }),
      ),
      quotes: Type.Array(Type.Ref('Quote')),
      openedAt: Iso,
    }),
  ),
});

export type MarginRuleInput = Type.Static<typeof MarginRuleBody>;
export type NewQuoteInput = Type.Static<typeof NewQuoteBody>;

// Social sales teams

const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM (UTC)' });
export const MonthQuery = Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false });

export const SalesTargetBody = Type.Object(
  {
    member: Handle,
    month: Month,
    revenueMinor: MinorUnits({ description: 'Attributed revenue to reach in the month' }),
    currency: Currency,
    pitches: Type.Integer({ minimum: 0, maximum: 10_000 }),
    firstResponseSeconds: Type.Integer({
      minimum: 60,
      maximum: 30 * 86_400,
      description: 'The mean time from a request to the person’s first pitch to stay under',
    }),
  },
  { additionalProperties: false },
);

const CommissionTierSchema = Type.Object(
  {
    aboveTargetPercent: Type.Integer({ minimum: 0, maximum: 1000, description: '0: from the target on' }),
    bp: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Basis points of revenue in this bracket' }),
  },
  { additionalProperties: false },
);

export const CommissionRulesBody = Type.Object(
  {
    baseBp: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Basis points of attributed revenue' }),
    tiers: Type.Array(CommissionTierSchema, { maxItems: 10, description: 'Higher rates above the target' }),
  },
  { additionalProperties: false },
);
export const CommissionRules = Type.Object({
  baseBp: Type.Integer(),
  tiers: Type.Array(CommissionTierSchema),
});

export const Leaderboard = Type.Object({
  month: Type.String(),
  currency: Type.String(),
  commission: Type.Union([CommissionRules, Type.Null()]),
  items: Type.Array(
    Type.Object({
      member: Type.Union([AccountSummary, Type.Null()]),
      revenueMinor: Type.Integer({ description: 'Net revenue credited to the person from the ledger' }),
      currency: Type.String(),
      revenueBy: Type.Object({
        pitches: Type.Integer(),
        quotes: Type.Integer(),
        referrals: Type.Integer(),
        posts: Type.Integer(),
      }),
      orders: Type.Integer(),
      target: Type.Union([
        Type.Object({
          revenueMinor: Type.Integer(),
          pitches: Type.Integer(),
          firstResponseSeconds: Type.Integer(),
        }),
        Type.Null(),
      ]),
      attainment: Type.Union([Type.Number(), Type.Null()], { description: 'Revenue ÷ revenue target' }),
      pitches: Type.Integer(),
      quotes: Type.Integer(),
      firstResponseSeconds: Type.Union([Type.Integer(), Type.Null()]),
      ssi: Type.Object({
        total: Type.Number({ description: 'Social selling index, 0–100: four parts of 0–25' }),
        parts: Type.Array(
          Type.Object({
            key: Type.String(),
            label: Type.String(),
            score: Type.Number(),
            explanation: Type.String(),
          }),
        ),
      }),
      commissionMinor: Type.Integer(),
    }),
  ),
});

export type SalesTargetInput = Type.Static<typeof SalesTargetBody>;
export type CommissionRulesInput = Type.Static<typeof CommissionRulesBody>;
