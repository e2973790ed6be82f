import type { Generated } from 'kysely';

export interface AdvocateRunsTable {
  id: string;
  org_id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  trigger: 'schedule' | 'request';
  requested_by: string | null;
  requested_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  people: number | null;
  communities: number | null;
  error: string | null;
}

/** One row per follower or customer of a brand, replaced by each finished run. */
export interface AdvocateScoresTable {
  org_id: string;
  account_id: string;
  run_id: string;
  follower: boolean;
  customer: boolean;
  /** PageRank over the follow graph × the number of people: 1 is an average person. */
  reach: number;
  followers: number;
  /** PageRank over the reshare graph (weighted by reach and sales) × the number of people. */
  amplification: number;
  reshare_sales_minor: number;
  ltv_minor: number;
  value_factor: number;
  referrals_touched: number;
  referrals_converted: number;
  referral_conversion: number;
  score: number;
  community: number;
  bridge_diversity: number | null;
}

export interface AdvocateSegmentsTable {
  id: string;
  org_id: string;
  name: string;
  community: number | null;
  min_score: number | null;
  top_n: number | null;
  created_by: string;
  created_at: Generated<Date>;
}

/** A brand's referral rules; a brand without a row gets the defaults. */
export interface ReferralSettingsTable {
  org_id: string;
  hold_days: number;
  stranger_flag_threshold: number;
  updated_at: Generated<Date>;
}

export type ReferralStatus =
  | 'pending'
  | 'flagged'
  | 'earned'
  | 'cancelled'
  | 'rejected'
  | 'refused'
  | 'reversed';

/** One referred order: pending through the hold, then earned; or refused, flagged, cancelled, rejected, reversed. */
export interface ReferralsTable {
  id: string;
  org_id: string;
  referrer_id: string;
  buyer_id: string;
  order_id: string;
  total_minor: number;
  currency: string;
  status: ReferralStatus;
  reason: string | null;
  /** Neither follows the other when the order was placed (a code posted publicly reaches strangers). */
  stranger: boolean;
  placed_at: Date;
  /** When the order was paid: only a paid referral is earned once its hold has passed. */
  paid_at: Date | null;
  earn_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  updated_at: Generated<Date>;
}

export type ContributionKind =
  | 'referral_earned'
  | 'reshare_sale'
  | 'idea_implemented'
  | 'staff_share'
  | 'staff_sale'
  | 'reversal';
/** The kinds a brand sets points for (a reversal takes back what its entry gave). */
export type RewardKind = Exclude<ContributionKind, 'reversal'>;

export interface ContributionRulesTable {
  org_id: string;
  kind: RewardKind;
  points: number;
}

/** Append-only (a trigger refuses updates and deletes); unique per brand and source event. */
export interface ContributionLedgerTable {
  id: string;
  org_id: string;
  account_id: string;
  kind: ContributionKind;
  points: number;
  source_key: string;
  reference_id: string | null;
  note: string;
  created_at: Generated<Date>;
}

/** A brand's tier ladder; a brand without rows has the default ladder. */
export interface AdvocateTiersTable {
  org_id: string;
  key: string;
  name: string;
  min_points: number;
  perks: Generated<string>;
}

/** Each person's current tier with a brand and the rolling 12-month points it was computed from. */
export interface AdvocateTierStatesTable {
  org_id: string;
  account_id: string;
  tier_key: string;
  points: number;
  updated_at: Generated<Date>;
}

/** A move between tiers, with the ledger entry (or the ageing of old points) that caused it. */
export interface AdvocateTierChangesTable {
  id: string;
  org_id: string;
  account_id: string;
  from_key: string | null;
  to_key: string;
  points: number;
  reason: string;
  entry_id: string | null;
  created_at: Generated<Date>;
}

export type AdvocatesTables = {
  advocate_tiers: AdvocateTiersTable;
  advocate_tier_states: AdvocateTierStatesTable;
  advocate_tier_changes: AdvocateTierChangesTable;
  advocate_runs: AdvocateRunsTable;
  advocate_scores: AdvocateScoresTable;
  advocate_segments: AdvocateSegmentsTable;
  referral_settings: ReferralSettingsTable;
  referrals: ReferralsTable;
  contribution_rules: ContributionRulesTable;
  contribution_ledger: ContributionLedgerTable;
};
