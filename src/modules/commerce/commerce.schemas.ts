import Type from 'typebox';
import { Count, MinorUnits } from '../../platform/http/schemas.ts';
import { AccountSummary } from '../identity/index.ts';
import { MediaInput } from '../media/index.ts';
import { PLUGGED_AUDIENCE_PATTERN } from './deal-audience.ts';

const Minor = MinorUnits();
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
const Uuid = Type.String({ format: 'uuid' });

export const Variant = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  name: Type.String(),
  stock: Type.Integer(),
});

export const Product = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String(),
    org: Type.Union([AccountSummary, Type.Null()]),
    slug: Type.String(),
    title: Type.String(),
    description: Type.String(),
    images: Type.Array(Type.String(), { description: 'Image links given by URL (the CSV import)' }),
    gallery: Type.Array(Type.Ref('MediaAttachment'), {
      description: 'Uploaded images, in order, with alt text',
    }),
    priceMinor: Type.Integer(),
    currency: Type.String(),
    resellerFloorMinor: Type.Optional(
      Type.Union([Type.Integer(), Type.Null()], {
        description: "The brand's reseller floor; sent to the brand's staff only",
      }),
    ),
    exclusive: Type.Boolean({ description: 'Own-store exclusive: resellers do not sell it' }),
    audience: Type.Union([Type.String(), Type.Null()], {
      description:
        'Insiders only: `tier:<key>` (that tier of the brand’s advocates and those above it) or `segment:<id>` may buy it; null: anyone',
    }),
    audienceLabel: Type.Union([Type.String(), Type.Null()], {
      description: 'Who may buy it, as the brand names the group (the tier’s name, the segment’s name)',
    }),
    archived: Type.Boolean(),
    stock: Type.Integer(),
    variants: Type.Array(Variant),
  },
  { $id: 'Product' },
);

const DealType = Type.Union([
  Type.Literal('percent_off'),
  Type.Literal('amount_off'),
  Type.Literal('fixed_price'),
  Type.Literal('bundle'),
  Type.Literal('free_addon'),
]);
const DealRole = Type.Union([Type.Literal('main'), Type.Literal('addon')]);
export const OrderStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('paid'),
  Type.Literal('fulfilled'),
  Type.Literal('cancelled'),
  Type.Literal('refunded'),
]);

export const ProductBody = Type.Object(
  {
    slug: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$' })),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    images: Type.Optional(
      Type.Array(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }), { maxItems: 10 }),
    ),
    media: Type.Optional(
      Type.Array(MediaInput, {
        maxItems: 12,
        description: "Uploaded images of the brand's, in gallery order",
      }),
    ),
    priceMinor: Minor,
    currency: Currency,
    resellerFloorMinor: Type.Optional(Type.Union([Minor, Type.Null()])),
    exclusive: Type.Optional(Type.Boolean()),
    audience: Type.Optional(
      Type.Union(
        [
          Type.String({
            pattern: PLUGGED_AUDIENCE_PATTERN,
            description: 'A tier and those above it (`tier:<key>`) or a saved segment (`segment:<id>`)',
          }),
          Type.Null(),
        ],
        { description: 'Insiders only: who may buy it; null or absent: anyone' },
      ),
    ),
    variants: Type.Array(
      Type.Object(
        {
          sku: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }),
          name: Type.Optional(Type.String({ maxLength: 100 })),
          stock: Count({ maximum: 10_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

/** A group that may buy before the deal starts: a segment or a tier (and those above it), from `startsAt`. */
export const EarlyAccess = Type.Object(
  {
    audience: Type.String({
      pattern: PLUGGED_AUDIENCE_PATTERN,
      description: 'A saved segment (`segment:<id>`) or a tier and those above it (`tier:<key>`)',
    }),
    startsAt: Type.String({
      format: 'date-time',
      description: 'When the group may buy (before the deal starts)',
    }),
  },
  { additionalProperties: false },
);

export const EarlyAccessCard = Type.Object({
  audience: Type.String(),
  label: Type.String({ description: 'The group’s name, such as the tier “Insider”' }),
  startsAt: Type.String({ format: 'date-time' }),
});

export const DealBody = Type.Object(
  {
    text: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'The post text shown with the deal card',
    }),
    title: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 120,
        description: "The card's name (default: the products' titles)",
      }),
    ),
    items: Type.Array(
      Type.Object({ productId: Uuid, role: Type.Optional(DealRole) }, { additionalProperties: false }),
      {
        minItems: 1,
        maxItems: 10,
      },
    ),
    type: DealType,
    percentOff: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    valueMinor: Type.Optional(Minor),
    startsAt: Type.Optional(Type.String({ format: 'date-time' })),
    policyOverride: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 500,
        description:
          'Why the brand policy’s warnings do not apply to the deal text (recorded in its audit log)',
      }),
    ),
    announceEarly: Type.Optional(
      Type.Boolean({
        description:
          "Show the deal before it starts (default false: until then only the brand's members see it, and its post reaches timelines and search at the start)",
      }),
    ),
    endsAt: Type.String({ format: 'date-time' }),
    quantityCap: Type.Optional(Count({ minimum: 1, maximum: 10_000_000 })),
    perCustomerLimit: Type.Optional(Count({ minimum: 1, maximum: 1000 })),
    audience: Type.Optional(
      Type.Union(
        [
          Type.Literal('followers'),
          Type.Literal('everyone'),
          Type.String({ pattern: PLUGGED_AUDIENCE_PATTERN }),
        ],
        {
          description:
            'Who may buy: followers of the brand, everyone, a saved segment of its advocates (`segment:<id>`) or a tier of its ladder and those above it (`tier:<key>`)',
        },
      ),
    ),
    earlyAccess: Type.Optional(EarlyAccess),
    override: Type.Optional(
      Type.Object(
        { reason: Type.String({ minLength: 10, maxLength: 500 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** People the viewer follows who bought this and chose to share their purchases (up to three named). */
export const FriendsBought = Type.Object({
  count: Type.Integer(),
  people: Type.Array(AccountSummary, { description: 'Up to three of them' }),
});

export const DealCard = Type.Object(
  {
    id: Type.String({ description: 'Also the id of the deal post' }),
    title: Type.Union([Type.String(), Type.Null()], {
      description: "The card's name; null: the products' titles",
    }),
    endedEarlyAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When the brand ended the deal before its planned end',
    }),
    text: Type.String({ description: 'The text of the deal post' }),
    org: Type.Union([AccountSummary, Type.Null()]),
    type: DealType,
    percentOff: Type.Union([Type.Integer(), Type.Null()]),
    valueMinor: Type.Union([Type.Integer(), Type.Null()]),
    currency: Type.String(),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    status: Type.Union([
      Type.Literal('scheduled'),
      Type.Literal('live'),
      Type.Literal('ended'),
      Type.Literal('sold_out'),
    ]),
    quantityCap: Type.Union([Type.Integer(), Type.Null()]),
    sold: Type.Integer(),
    remaining: Type.Union([Type.Integer(), Type.Null()]),
    perCustomerLimit: Type.Union([Type.Integer(), Type.Null()]),
    audience: Type.String(),
    earlyAccess: Type.Union([EarlyAccessCard, Type.Null()]),
    items: Type.Array(
      Type.Object({ role: DealRole, product: Type.Ref('Product'), dealPriceMinor: Type.Integer() }),
    ),
    exclusiveTitles: Type.Array(Type.String()),
    resellersUrl: Type.Union([Type.String(), Type.Null()], {
      description:
        "The brand's reseller list, for the card's 'also at your local reseller'; null until it has one",
    }),
    viewer: Type.Object({
      bought: Type.Integer(),
      friendsBought: FriendsBought,
      earlyAccess: Type.Boolean({
        description:
          'The viewer is in the early-access group and its window is open now, before the deal starts',
      }),
    }),
  },
  { $id: 'DealCard' },
);

export const AddressBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    postalCode: Type.String({
      minLength: 1,
      maxLength: 20,
      description:
        "Checked against the country's format where it is known (e.g. 10115 in DE, SW1A 1AA in GB)",
    }),
    country: Type.String({
      pattern: '^[A-Z]{2}$',
      description: 'ISO 3166-1 alpha-2 code of an assigned country (e.g. DE for Germany); others are 422',
    }),
  },
  { additionalProperties: false },
);

export const CheckoutBody = Type.Object(
  {
    dealId: Type.Optional(Uuid),
    items: Type.Array(
      Type.Object(
        { variantId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 100 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    shippingAddressId: Type.Optional(Uuid),
    shippingAddress: Type.Optional(AddressBody),
    expectedTotalMinor: Type.Optional(Minor),
    currency: Type.Optional(Currency),
    discountCode: Type.Optional(
      Type.String({ minLength: 1, maxLength: 32, description: 'A discount code of the brand (any case)' }),
    ),
    source: Type.Optional(
      Type.Object(
        {
          postId: Type.Optional(Uuid),
          ref: Type.Optional(
            Type.String({
              maxLength: 31,
              description: 'Handle of the person whose referral link was followed',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    card: Type.Object(
      { number: Type.String({ pattern: '^[0-9 ]{12,23}$' }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const { card: _card, ...quoteProperties } = CheckoutBody.properties;
export const QuoteBody = Type.Object(
  {
    ...quoteProperties,
    country: Type.Optional(
      Type.String({
        pattern: '^[A-Z]{2}$',
        description: 'Where it would ship, when no address is given yet',
      }),
    ),
  },
  { additionalProperties: false },
);

const BreakdownFields = {
  itemsMinor: Type.Integer({ description: 'The lines at their prices (deal prices where they apply)' }),
  discountMinor: Type.Integer({ description: "The discount code's part" }),
  shippingMinor: Type.Integer(),
  taxMinor: Type.Integer({ description: 'The tax part: inside the total when taxIncluded, added otherwise' }),
  taxRateBp: Type.Integer({ description: 'Basis points: 2000 = 20%' }),
  taxIncluded: Type.Boolean(),
  totalMinor: Type.Integer({
    description: 'What is charged: items − discount + shipping (+ tax when not included)',
  }),
};

export const Quote = Type.Object({
  currency: Type.String(),
  ...BreakdownFields,
  discountCode: Type.Union([Type.String(), Type.Null()]),
  country: Type.Union([Type.String(), Type.Null()]),
  lines: Type.Array(
    Type.Object({
      line: Type.Integer(),
      title: Type.String(),
      quantity: Type.Integer(),
      unitPriceMinor: Type.Integer(),
      discountMinor: Type.Integer(),
    }),
  ),
});

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 8,
    maxLength: 200,
    description: 'Unique per intended order or refund; a retry with the same key returns the first result',
  }),
});

export const Order = Type.Object(
  {
    id: Type.String(),
    org: Type.Union([AccountSummary, Type.Null()]),
    buyer: Type.Union([AccountSummary, Type.Null()]),
    status: OrderStatus,
    currency: Type.String(),
    ...BreakdownFields,
    discountCode: Type.Union([Type.String(), Type.Null()]),
    refundedMinor: Type.Integer(),
    dealId: Type.Union([Type.String(), Type.Null()]),
    items: Type.Array(
      Type.Object({
        line: Type.Integer({ description: 'The line number (from 0), as shipments and returns name it' }),
        productId: Type.String(),
        variantId: Type.String(),
        title: Type.String(),
        sku: Type.String(),
        quantity: Type.Integer(),
        unitPriceMinor: Type.Integer(),
        discountMinor: Type.Integer({ description: "The line's share of the discount code" }),
      }),
    ),
    shippingAddress: Type.Object({
      name: Type.String(),
      line1: Type.String(),
      line2: Type.String(),
      city: Type.String(),
      postalCode: Type.String(),
      country: Type.String(),
    }),
    shipments: Type.Array(
      Type.Object({
        id: Type.String(),
        carrier: Type.String({ description: "dhl, ups, fedex, usps, royal_mail, dpd or 'other'" }),
        carrierName: Type.String(),
        trackingNumber: Type.String(),
        trackingUrl: Type.Union([Type.String(), Type.Null()], { description: "The carrier's tracking page" }),
        createdAt: Type.String({ format: 'date-time' }),
        items: Type.Array(Type.Object({ line: Type.Integer(), quantity: Type.Integer() })),
      }),
      { description: 'Parcels sent so far, oldest first' },
    ),
    returns: Type.Array(Type.Ref('OrderReturn'), { description: 'Returns asked for, oldest first' }),
    attribution: Type.Object({
      kind: Type.Union([
        Type.Literal('direct'),
        Type.Literal('post'),
        Type.Literal('reshare'),
        Type.Literal('referral'),
      ]),
      postId: Type.Union([Type.String(), Type.Null()]),
      chain: Type.Array(AccountSummary, { description: 'Original author first, then each resharer' }),
      referrer: Type.Union([AccountSummary, Type.Null()]),
    }),
    history: Type.Array(
      Type.Object({
        status: Type.String(),
        at: Type.String(),
        actor: Type.Union([AccountSummary, Type.Null()]),
        note: Type.Union([Type.String(), Type.Null()]),
        amountMinor: Type.Union([Type.Integer(), Type.Null()]),
      }),
    ),
    createdAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Order' },
);
