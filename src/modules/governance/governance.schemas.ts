import Type, { type Static } from 'typebox';
import { DealBody } from '../commerce/index.ts';

export const tags = ['governance'];

export const ChannelSchema = Type.Union([
  Type.Literal('brand_post'),
  Type.Literal('deal'),
  Type.Literal('care_reply'),
  Type.Literal('public_note'),
  Type.Literal('employee_post'),
]);
const Severity = Type.Union([Type.Literal('block'), Type.Literal('warn')]);
const RuleKindSchema = Type.Union([
  Type.Literal('banned_phrase'),
  Type.Literal('required_phrase'),
  Type.Literal('banned_pattern'),
  Type.Literal('disclosure'),
  Type.Literal('email'),
  Type.Literal('phone'),
  Type.Literal('card_number'),
  Type.Literal('order_ref'),
  Type.Literal('street_address'),
  Type.Literal('profanity'),
  Type.Literal('promise'),
  Type.Literal('shouting'),
  Type.Literal('sentiment_floor'),
  Type.Literal('sarcasm'),
  Type.Literal('competitor'),
  Type.Literal('link_domains'),
]);
const Words = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 200 });

const RuleFields = {
  kind: RuleKindSchema,
  severity: Severity,
  message: Type.String({ minLength: 1, maxLength: 500, description: 'What the writer is told' }),
  enabled: Type.Optional(Type.Boolean({ default: true })),
  channels: Type.Optional(
    Type.Array(ChannelSchema, { maxItems: 5, description: 'Empty: wherever the kind applies' }),
  ),
  phrases: Type.Optional(Words),
  replacement: Type.Optional(Type.String({ maxLength: 200 })),
  pattern: Type.Optional(
    Type.String({ maxLength: 500, description: 'RE2 syntax: no backreferences or lookaround' }),
  ),
  domains: Type.Optional(Words),
  competitors: Type.Optional(Words),
  threshold: Type.Optional(Type.Number({ minimum: -1, maximum: 1 })),
  defaultCountry: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
};

export const RuleInput = Type.Object(RuleFields, { additionalProperties: false });
export type RuleInput = Static<typeof RuleInput>;

export const Rule = Type.Object({
  ...RuleFields,
  id: Type.String(),
  enabled: Type.Boolean(),
  channels: Type.Array(ChannelSchema),
});

export const RuleParams = Type.Object({
  handle: Type.String({ minLength: 1, maxLength: 31 }),
  ruleId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
});

const Span = Type.Object({ start: Type.Integer(), end: Type.Integer() }, { description: 'UTF-16 offsets' });
export const FindingSchema = Type.Object({
  ruleId: Type.String(),
  kind: Type.String(),
  severity: Severity,
  message: Type.String(),
  span: Span,
  excerpt: Type.String(),
  fix: Type.Union([
    Type.Object({ label: Type.String(), replacement: Type.String(), span: Span }),
    Type.Null(),
  ]),
});

export const LintBody = Type.Object(
  {
    text: Type.String({ maxLength: 5000 }),
    channel: ChannelSchema,
    aboutBrand: Type.Optional(
      Type.Boolean({
        description:
          'An employee’s share of a brand post from the content library: the policy applies even if the text does not name the brand',
      }),
    ),
  },
  { additionalProperties: false },
);

export const LintResponse = Type.Object({
  findings: Type.Array(FindingSchema),
  blocked: Type.Boolean(),
  applies: Type.Boolean({
    description: 'False when the policy does not cover this draft (an own post not naming the brand)',
  }),
});

const AuditActionSchema = Type.Union([Type.Literal('blocked'), Type.Literal('overridden')]);

/** Which audit entries to list: by what happened and where. */
export const AuditFilter = {
  action: Type.Optional(AuditActionSchema),
  channel: Type.Optional(ChannelSchema),
};
export type AuditFilter = { action?: 'blocked' | 'overridden'; channel?: Static<typeof ChannelSchema> };

export const AuditEntry = Type.Object({
  id: Type.String(),
  actorId: Type.String(),
  action: AuditActionSchema,
  channel: Type.String(),
  ruleIds: Type.Array(Type.String()),
  reason: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

/** What a writer sends beside a draft to post it despite warnings. */
export const PolicyOverride = Type.Optional(
  Type.String({
    minLength: 3,
    maxLength: 500,
    description: 'Why the policy warnings do not apply (recorded in the audit log)',
  }),
);

const OrgRoleSchema = Type.Union([
  Type.Literal('owner'),
  Type.Literal('admin'),
  Type.Literal('marketer'),
  Type.Literal('agent'),
  Type.Literal('sales'),
  Type.Literal('employee'),
  Type.Literal('partner'),
]);

export const ApprovalSettingsInput = Type.Object(
  {
    roles: Type.Array(OrgRoleSchema, {
      maxItems: 7,
      description: 'Roles whose posts as the brand wait for approval',
    }),
    dealRoles: Type.Optional(
      Type.Array(OrgRoleSchema, {
        maxItems: 7,
        description: 'Roles whose deals wait for approval (unchanged when absent)',
      }),
    ),
    careReplyRoles: Type.Optional(
      Type.Array(OrgRoleSchema, {
        maxItems: 7,
        description: 'Roles whose public care replies wait for approval (unchanged when absent)',
      }),
    ),
    approvers: Type.Integer({ minimum: 1, maximum: 3, description: 'Approvals each draft needs' }),
  },
  { additionalProperties: false },
);
export type ApprovalSettingsInput = Static<typeof ApprovalSettingsInput>;
export const ApprovalSettings = Type.Object({
  roles: Type.Array(Type.String(), { description: 'Roles whose posts as the brand wait for approval' }),
  dealRoles: Type.Array(Type.String(), { description: 'Roles whose deals wait for approval' }),
  careReplyRoles: Type.Array(Type.String(), {
    description: 'Roles whose public care replies wait for approval',
  }),
  approvers: Type.Integer(),
});

const PublishAt = Type.Optional(
  Type.String({ format: 'date-time', description: 'When it goes out once approved; now if absent' }),
);

export const DealDraftInput = Type.Object(
  { deal: DealBody, publishAt: PublishAt },
  { additionalProperties: false },
);
export type DealDraftInput = Static<typeof DealDraftInput>;

export const CareReplyDraftInput = Type.Object(
  {
    conversationId: Type.String({
      format: 'uuid',
      description: 'The care conversation it answers in public',
    }),
    text: Type.String({ minLength: 1, maxLength: 500 }),
    publishAt: PublishAt,
    policyOverride: PolicyOverride,
  },
  { additionalProperties: false },
);
export type CareReplyDraftInput = Static<typeof CareReplyDraftInput>;

export const DraftInput = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 500 }),
    publishAt: PublishAt,
    policyOverride: PolicyOverride,
  },
  { additionalProperties: false },
);
export type DraftInput = Static<typeof DraftInput>;

export const ReviewInput = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject'), Type.Literal('request_changes')]),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInput>;

const Person = Type.Object({ id: Type.String(), handle: Type.String() });
export const Draft = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('brand_post'), Type.Literal('deal'), Type.Literal('care_reply')], {
    description: 'What it publishes: a post as the brand, a deal, or a public reply in a care conversation',
  }),
  conversationId: Type.Union([Type.String(), Type.Null()], {
    description: 'The care conversation (replies)',
  }),
  dealTitle: Type.Union([Type.String(), Type.Null()], { description: 'The deal card’s name (deals)' }),
  author: Person,
  text: Type.String(),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('changes_requested'),
    Type.Literal('rejected'),
    Type.Literal('scheduled'),
    Type.Literal('published'),
    Type.Literal('refused'),
  ]),
  revision: Type.Integer(),
  approvalsNeeded: Type.Integer(),
  approvals: Type.Integer(),
  publishAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  postId: Type.Union([Type.String(), Type.Null()], {
    description: 'The post it became once published (a deal’s id is its post’s)',
  }),
  refusal: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  reviews: Type.Array(
    Type.Object({
      reviewer: Person,
      decision: Type.Union([
        Type.Literal('approve'),
        Type.Literal('reject'),
        Type.Literal('request_changes'),
      ]),
      revision: Type.Integer(),
      comment: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const DraftParams = Type.Object({
  handle: Type.String({ minLength: 1, maxLength: 31 }),
  draftId: Type.String({ format: 'uuid' }),
});
