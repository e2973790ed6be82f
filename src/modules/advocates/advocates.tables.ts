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

export type AdvocatesTables = {
  advocate_runs: AdvocateRunsTable;
  advocate_scores: AdvocateScoresTable;
  advocate_segments: AdvocateSegmentsTable;
};
