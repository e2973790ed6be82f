/** Where a brand member is writing: the policy can treat each place differently. */
export type Channel = 'brand_post' | 'deal' | 'care_reply' | 'public_note' | 'employee_post';
export const CHANNELS: readonly Channel[] = [
  'brand_post',
  'deal',
  'care_reply',
  'public_note',
  'employee_post',
];

export type Severity = 'block' | 'warn';

/** The kinds of rule a brand can write; the built-in detectors are kinds with no pattern of their own. */
export type RuleKind =
  | 'banned_phrase'
  | 'required_phrase'
  | 'banned_pattern'
  | 'disclosure'
  | 'email'
  | 'phone'
  | 'card_number'
  | 'order_ref'
  | 'street_address'
  | 'profanity'
  | 'promise'
  | 'shouting'
  | 'sentiment_floor'
  | 'sarcasm'
  | 'competitor'
  | 'link_domains';

export const RULE_KINDS: readonly RuleKind[] = [
  'banned_phrase',
  'required_phrase',
  'banned_pattern',
  'disclosure',
  'email',
  'phone',
  'card_number',
  'order_ref',
  'street_address',
  'profanity',
  'promise',
  'shouting',
  'sentiment_floor',
  'sarcasm',
  'competitor',
  'link_domains',
];

/** One rule of a brand's policy. Only the fields its kind reads matter. */
export type PolicyRule = {
  id: string;
  kind: RuleKind;
  severity: Severity;
  message: string;
  enabled: boolean;
  /** Where it applies; empty means everywhere its kind makes sense. */
  channels: Channel[];
  /** banned_phrase, required_phrase, disclosure (any of them discloses), promise (extra words). */
  phrases?: string[];
  /** banned_phrase: what a fix replaces the phrase with. */
  replacement?: string;
  /** banned_pattern: an RE2 regular expression (no backreferences or lookaround: matching is linear time). */
  pattern?: string;
  /** link_domains: allowed hosts (subdomains included). */
  domains?: string[];
  /** competitor: names of competitors. */
  competitors?: string[];
  /** sentiment_floor: the lowest compound sentiment allowed (-1…1). */
  threshold?: number;
  /** phone: the country assumed for numbers written without +code (ISO 3166 alpha-2). */
  defaultCountry?: string;
};

/** A span in UTF-16 code units, as a web editor's selection counts them. */
export type Span = { start: number; end: number };

/** What "apply fix" does: replace the span with this text. */
export type Fix = { label: string; replacement: string; span: Span };

export type Finding = {
  ruleId: string;
  kind: RuleKind;
  severity: Severity;
  message: string;
  span: Span;
  /** The text of the span, for logs and screen readers. */
  excerpt: string;
  fix: Fix | null;
};

/** What the lint knows about the draft besides its text. */
export type LintContext = {
  channel: Channel;
  /** Names and handles of the brand, for disclosure and for telling competitors from the brand. */
  brandNames: string[];
  /**
   * The draft is about the brand even where it does not name it (an employee's share of a brand post from the
   * content library): the disclosure rule then asks for a disclosure anyway.
   */
  aboutBrand?: boolean;
};

export type LintResult = { findings: Finding[]; blocked: boolean };

/** A rule the policy cannot use, named so the API can answer 4xx about it. */
export class PolicyRuleError extends Error {
  constructor(
    readonly ruleId: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'PolicyRuleError';
  }
}
