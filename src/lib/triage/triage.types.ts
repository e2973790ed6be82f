/** The care intents Souk routes on. Order matters: it is the class order of the shipped model. */
export const INTENTS = [
  'question',
  'complaint',
  'purchase_intent',
  'product_price_request',
  'rfp',
  'idea',
  'praise',
  'chatter',
] as const;

export type Intent = (typeof INTENTS)[number];

/** ISO 639-1 code, or 'und' when the text gives too little to tell. */
export type LanguageCode =
  | 'en'
  | 'es'
  | 'fr'
  | 'de'
  | 'pt'
  | 'it'
  | 'nl'
  | 'ar'
  | 'ru'
  | 'zh'
  | 'ja'
  | 'ko'
  | 'und';

export type TriageOptions = {
  /** The brand's product names; matched case-insensitively, also as #hashtags and @handles. */
  products?: readonly string[];
  /** Competitor brand names, matched the same way. */
  competitors?: readonly string[];
  /** Calibrated confidence below which the result is `unsure` (a brand's setting); default: the model's. */
  unsureBelow?: number;
};

export type TriageResult = {
  intent: Intent;
  /** Calibrated probability that the chosen intent is right, 0..1. */
  intentConfidence: number;
  /** True when intentConfidence is below the unsure threshold: the inbox shows it in Needs review. */
  unsure: boolean;
  /** −1 (very negative) .. 1 (very positive). */
  sentiment: number;
  language: LanguageCode;
  /** The caller's product names found in the text, in order of first mention. */
  products?: string[];
  competitors?: string[];
};
