import type { PolicyRule } from './policy.types.ts';

type DefaultRule = Omit<PolicyRule, 'enabled' | 'channels'> & Partial<Pick<PolicyRule, 'channels'>>;

const DEFAULTS: DefaultRule[] = [
  {
    id: 'pii-email',
    kind: 'email',
    severity: 'block',
    message: 'An email address must not be posted in public: ask for it by direct message.',
  },
  {
    id: 'pii-phone',
    kind: 'phone',
    severity: 'block',
    message: 'A phone number must not be posted in public: ask for it by direct message.',
  },
  {
    id: 'pii-card',
    kind: 'card_number',
    severity: 'block',
    message: 'A payment card number must never be posted.',
  },
  {
    id: 'pii-order',
    kind: 'order_ref',
    severity: 'block',
    message: 'An order reference identifies a customer: refer to "your order" in public.',
  },
  {
    id: 'pii-address',
    kind: 'street_address',
    severity: 'block',
    message: 'A street address must not be posted in public.',
  },
  {
    id: 'tone-profanity',
    kind: 'profanity',
    severity: 'block',
    message: 'No profanity in the brand’s voice.',
  },
  {
    id: 'promise',
    kind: 'promise',
    severity: 'warn',
    message:
      'A refund, guarantee or compensation in a public reply needs approval: offer to look into it by direct message.',
  },
  {
    id: 'tone-shouting',
    kind: 'shouting',
    severity: 'warn',
    message: 'Writing in capitals reads as shouting.',
  },
  {
    id: 'tone-sentiment',
    kind: 'sentiment_floor',
    severity: 'warn',
    message: 'This reads as very negative: keep the tone calm and helpful.',
    threshold: -0.6,
  },
  {
    id: 'tone-sarcasm',
    kind: 'sarcasm',
    severity: 'warn',
    message: 'This can read as sarcasm towards the customer.',
  },
  {
    id: 'disclosure',
    kind: 'disclosure',
    severity: 'block',
    message: 'When you post about the brand you work for, say so (for example "#employee" or "I work at …").',
  },
  {
    id: 'competitors',
    kind: 'competitor',
    severity: 'warn',
    message: 'Do not disparage competitors.',
    competitors: [],
  },
  {
    id: 'links',
    kind: 'link_domains',
    severity: 'warn',
    message: 'Link only to the brand’s own sites.',
    domains: [],
  },
];

/** The policy every brand starts with; the brand edits it from there. */
export function defaultPolicy(): PolicyRule[] {
  return DEFAULTS.map((rule) => ({ enabled: true, channels: [], ...rule }));
}
