import type { Generated } from 'kysely';

/** 'awarding': one award holds the request while its order is placed; it reads as open to everyone else. */
export type RequestStatus = 'open' | 'awarding' | 'awarded' | 'withdrawn';
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
}

/** A brand asked by a request; `open` and `deadline` are copied so a brand's Sales queue is one index scan. */
export interface RfpTargetsTable {
  request_id: string;
  org_id: string;
  created_at: Date;
  deadline: Date;
  open: Generated<boolean>;
  first_pitch_at: Date | null;
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

export type RfpTables = {
  rfp_requests: RfpRequestsTable;
  rfp_targets: RfpTargetsTable;
  rfp_pitches: RfpPitchesTable;
  rfp_pitch_items: RfpPitchItemsTable;
};
