import Type from 'typebox';
import { INTENTS } from '../../lib/triage/index.ts';
import { MinorUnits } from '../../platform/http/schemas.ts';
import { Account, AccountSummary } from '../identity/index.ts';

// Schemas shared by the care routes: request parts and the shapes several responses carry.

export const tags = ['care'];
/** A 204 answer: no body. */
export const noContent = { 204: Type.Null() };

export const OrgItemParams = Type.Object(
  { handle: Type.String({ maxLength: 31 }), id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

const Iso = Type.String({ format: 'date-time' });
const IsoOrNull = Type.Union([Iso, Type.Null()]);
const Summary = Type.Union([AccountSummary, Type.Null()]);

export const ConversationStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('pending'),
  Type.Literal('resolved'),
]);
export const Priority = Type.Union([
  Type.Literal('low'),
  Type.Literal('normal'),
  Type.Literal('high'),
  Type.Literal('urgent'),
]);
export const Intent = Type.Enum(INTENTS);
export const PrivateConsent = Type.Union(
  [Type.Literal('none'), Type.Literal('requested'), Type.Literal('granted'), Type.Literal('declined')],
  { description: 'requested: the brand asks to continue by direct message and waits for the customer' },
);

/** An agent's request to post the customer's idea on the brand's ideas portal, and where it stands. */
export const IdeaRequest = Type.Union(
  [
    Type.Object({
      consent: Type.Union([Type.Literal('requested'), Type.Literal('granted'), Type.Literal('declined')]),
      title: Type.String(),
      ideaId: Type.Union([Type.String(), Type.Null()], { description: 'The idea it became, once posted' }),
    }),
    Type.Null(),
  ],
  { description: 'The conversion below when it is an idea; null otherwise' },
);

const ConversionKind = Type.Union([Type.Literal('idea'), Type.Literal('rfp')], {
  description: 'idea: an idea on the brand’s ideas portal; rfp: a request for proposals asking the brand',
});

/** What an agent proposed to turn the conversation into, in the customer's name, and where it stands. */
export const Conversion = Type.Union(
  [
    Type.Object({
      kind: ConversionKind,
      consent: Type.Union([Type.Literal('requested'), Type.Literal('granted'), Type.Literal('declined')]),
      title: Type.String(),
      description: Type.String({ description: 'The idea’s description or the request’s details' }),
      budgetMinor: Type.Union([Type.Integer(), Type.Null()], {
        description: 'rfp: the budget in minor units',
      }),
      currency: Type.Union([Type.String(), Type.Null()]),
      deadline: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'rfp: pitches close then',
      }),
      targetId: Type.Union([Type.String(), Type.Null()], {
        description: 'The idea or request it became, once the customer said yes',
      }),
    }),
    Type.Null(),
  ],
  { description: 'Null until an agent proposes' },
);

const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
const AskText = Type.Optional(
  Type.String({ minLength: 1, maxLength: 280, description: 'The public question (a default otherwise)' }),
);

/** An agent's proposal: an idea for the portal, or a request for proposals asking the brand itself. */
export const ConversionBody = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('idea'),
      title: Type.String({ minLength: 3, maxLength: 140 }),
      description: Type.String({ minLength: 1, maxLength: 5000 }),
      text: AskText,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('rfp'),
      title: Type.String({ minLength: 3, maxLength: 140, description: 'What the customer needs, in a line' }),
      details: Type.String({ maxLength: 2000, default: '' }),
      budgetMinor: MinorUnits({ description: 'Their budget in integer minor units of `currency`' }),
      currency: Currency,
      deadline: Type.String({ format: 'date-time', description: 'Pitches close then; in the next 90 days' }),
      text: AskText,
    },
    { additionalProperties: false },
  ),
]);
export type ConversionInput = Type.Static<typeof ConversionBody>;

const SlaTarget = Type.Union([
  Type.Literal('first_response'),
  Type.Literal('next_response'),
  Type.Literal('resolution'),
]);
export const ConversationSla = Type.Object({
  target: Type.Union([SlaTarget, Type.Null()], { description: 'The running clock due first' }),
  dueAt: IsoOrNull,
  breached: Type.Boolean(),
  paused: Type.Boolean({ description: 'Outside business hours the clocks do not run' }),
  responseDueAt: IsoOrNull,
  resolutionDueAt: IsoOrNull,
  breaches: Type.Integer({ description: 'Clocks that stopped late, plus running ones past due' }),
  lastBreach: Type.Union([Type.Object({ target: SlaTarget, at: Iso }), Type.Null()]),
});

export const Conversation = Type.Object({
  id: Type.String(),
  customer: Summary,
  queue: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  status: ConversationStatus,
  priority: Priority,
  assignee: Summary,
  intent: Type.String(),
  intentConfidence: Type.Number({ description: 'Calibrated probability that the intent is right' }),
  needsReview: Type.Boolean({
    description:
      'Triage was unsure of the intent: in Needs review, in no queue, until an agent sets the intent',
  }),
  sentiment: Type.Number({ description: '−1 (negative) … 1 (positive)' }),
  language: Type.String(),
  tags: Type.Array(Type.String()),
  previousId: Type.Union([Type.String(), Type.Null()]),
  openedAt: Iso,
  lastCustomerMessageAt: Iso,
  firstResponseAt: IsoOrNull,
  resolvedAt: IsoOrNull,
  snoozedUntil: IsoOrNull,
  privateConsent: PrivateConsent,
  ideaRequest: IdeaRequest,
  conversion: Conversion,
  csat: Type.Union([Type.Integer(), Type.Null()]),
  mergedIntoId: Type.Union([Type.String(), Type.Null()]),
  mergedAt: IsoOrNull,
  sla: ConversationSla,
});

export const IdentityLink = Type.Object({
  id: Type.String(),
  network: Type.String(),
  handle: Type.String(),
  url: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union(
    [Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('declined'), Type.Literal('removed')],
    { description: 'Only pending and confirmed links are listed' },
  ),
  proposedAt: Iso,
  decidedAt: IsoOrNull,
});

export const Customer360 = Type.Object({
  profile: Type.Union([Account, Type.Null()]),
  followersCount: Type.Integer(),
  conversations: Type.Array(
    Type.Object({ id: Type.String(), status: ConversationStatus, intent: Type.String(), openedAt: Iso }),
  ),
  orders: Type.Integer(),
  spendMinor: Type.Integer(),
  currency: Type.Union([Type.String(), Type.Null()]),
  dealIds: Type.Array(Type.String()),
  lastOrderId: Type.Union([Type.String(), Type.Null()]),
  recentOrders: Type.Array(
    Type.Object({
      id: Type.String(),
      reference: Type.String({ description: 'A short reference for people, e.g. #3F9A01C2' }),
      status: Type.String(),
      totalMinor: Type.Integer(),
      refundedMinor: Type.Integer(),
      currency: Type.String(),
      createdAt: Iso,
    }),
    { description: 'The customer’s newest orders with this brand (up to 10), newest first' },
  ),
  lifetimeValue: Type.Object({
    historicMinor: Type.Integer({ description: 'Spend to date, net of refunds' }),
    predictedMinor: Type.Integer({
      description: 'Expected spend in the next 12 months; 0 without an estimate',
    }),
    totalMinor: Type.Integer(),
    status: Type.Union([Type.Literal('no_orders'), Type.Literal('too_early'), Type.Literal('estimated')], {
      description: 'too_early: too little history to predict, the total is spend to date',
    }),
    confidence: Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high'), Type.Null()]),
    rangeMinor: Type.Union([Type.Object({ low: Type.Integer(), high: Type.Integer() }), Type.Null()]),
    historyDays: Type.Integer({ description: 'Days since the first order' }),
    basis: Type.String({ description: 'How the value was estimated' }),
  }),
  linkedIdentities: Type.Array(IdentityLink, { description: 'Confirmed by the person to this brand' }),
  pendingIdentities: Type.Array(IdentityLink, {
    description: 'Proposed, waiting for the person: not linked',
  }),
});

export const CareMessage = Type.Object({
  id: Type.String(),
  postId: Type.Union([Type.String(), Type.Null()]),
  author: Summary,
  direction: Type.Union([Type.Literal('in'), Type.Literal('out'), Type.Literal('note')]),
  visibility: Type.String(),
  text: Type.String(),
  intent: Type.Union([Type.String(), Type.Null()]),
  intentCorrected: Type.Boolean(),
  sentiment: Type.Union([Type.Number(), Type.Null()]),
  mentions: Type.Array(AccountSummary, { description: 'Colleagues an internal note @mentioned' }),
  createdAt: Iso,
});

export const ConversationDetail = Type.Object({
  ...Conversation.properties,
  messages: Type.Array(CareMessage),
  activity: Type.Array(
    Type.Object({
      kind: Type.Union([
        Type.Literal('merged_into'),
        Type.Literal('merged_from'),
        Type.Literal('triage_changed'),
      ]),
      actor: Type.Union([AccountSummary, Type.Null()], {
        description: 'Who made the change; null when triage did (a customer follow-up)',
      }),
      conversationId: Type.Union([Type.String(), Type.Null()]),
      summary: Type.Union([Type.String(), Type.Null()], {
        description: 'What changed, e.g. "triage: question → complaint, priority normal → high"',
      }),
      at: Iso,
    }),
  ),
  customer360: Customer360,
});

export const Queue = Type.Object({ id: Type.String(), name: Type.String(), position: Type.Integer() });
