import Type, { type Static } from 'typebox';

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
