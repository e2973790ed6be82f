import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string | undefined, string>;

/** 'awarding': one award holds the request while its order is placed; it reads as open to everyone else. */
export type RequestStatus = 'open' | 'awarding' | 'awarded' | 'withdrawn';
export type DmStatus = 'none' | 'invited' | 'accepted' | 'declined';
export type PitchStatus = 'active' | 'withdrawn' | 'declined' | 'won' | 'lost';

export interface RfpRequestsTable {
  id: string;
  author_id: string;
  title: string;
  details: string;
  budget_minor: number;
  currency: string;
  deadline: Date;
  location: string | null;
  status: Generated<RequestStatus>;
  awarded_pitch_id: string | null;
  order_id: string | null;
  award_key: string | null;
  created_at: Generated<Date>;
  closed_at: Date | null;
  /** The care conversation it was made from, when an agent proposed it and its author said yes. */
  care_conversation_id: Generated<string | null>;
}

/** A brand asked by a request; `open` and `deadline` are copied so a brand's Sales queue is one index scan. */
export interface RfpTargetsTable {
  request_id: string;
  org_id: string;
  created_at: Date;
  deadline: Date;
  open: Generated<boolean>;
  first_pitch_at: Date | null;
  /** The brand's invitation to continue by direct message (care's move-to-private consent) and the answer. */
  dm_status: Generated<DmStatus>;
  dm_conversation_id: string | null;
}

export interface RfpPitchesTable {
  id: string;
  request_id: string;
  org_id: string;
  author_id: string;
  title: string;
  terms: string;
  message: string;
  total_minor: number;
  currency: string;
  status: Generated<PitchStatus>;
  shortlisted: Generated<boolean>;
  decline_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RfpPitchItemsTable {
  pitch_id: string;
  line: number;
  product_id: string;
  variant_id: string;
  title: string;
  quantity: number;
  unit_price_minor: number;
  list_price_minor: number;
}

/** A brand's pricing rule for one product: quotes never go below cost plus margin, the minimum price or the floor. */
export interface RfpMarginRulesTable {
  org_id: string;
  product_id: string;
  cost_minor: number | null;
  min_margin_percent: number | null;
  min_price_minor: number | null;
  updated_at: Generated<Date>;
}

/** 'accepting': one acceptance holds the quote while its order is placed. Expiry is read from `expires_at`. */
export type QuoteStatus = 'open' | 'accepting' | 'accepted' | 'declined';

/** A VRM quote: a brand's price for what a customer asked for, from its margin rules, until it expires. */
export interface RfpQuotesTable {
  id: string;
  org_id: string;
  customer_id: string;
  author_id: string;
  conversation_id: string | null;
  message: string;
  asked_price_minor: number | null;
  total_minor: number;
  currency: string;
  sent_as: 'public' | 'private';
  status: Generated<QuoteStatus>;
  expires_at: Date;
  order_id: string | null;
  accept_key: string | null;
  created_at: Generated<Date>;
  decided_at: Date | null;
}

export interface RfpQuoteItemsTable {
  quote_id: string;
  line: number;
  product_id: string;
  variant_id: string;
  title: string;
  quantity: number;
  unit_price_minor: number;
  list_price_minor: number;
  floor_minor: number;
}

/** A sales member's targets for one month (`YYYY-MM`), set by the brand. */
export interface RfpSalesTargetsTable {
  org_id: string;
  user_id: string;
  month: string;
  revenue_minor: number;
  currency: string;
  pitches: number;
  first_response_seconds: number;
}

/** Commission: `base_bp` basis points of attributed revenue, more above target (`tiers`, highest threshold wins). */
export interface RfpCommissionRulesTable {
  org_id: string;
  base_bp: number;
  tiers: Json<CommissionTier[]>;
  updated_at: Generated<Date>;
}

export type CommissionTier = { aboveTargetPercent: number; bp: number };

export type RfpTables = {
  rfp_requests: RfpRequestsTable;
  rfp_targets: RfpTargetsTable;
  rfp_pitches: RfpPitchesTable;
  rfp_pitch_items: RfpPitchItemsTable;
  rfp_margin_rules: RfpMarginRulesTable;
  rfp_quotes: RfpQuotesTable;
  rfp_quote_items: RfpQuoteItemsTable;
  rfp_sales_targets: RfpSalesTargetsTable;
  rfp_commission_rules: RfpCommissionRulesTable;
};
