import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Influence is computed by a background job (scheduled and on demand) and stored per brand, so the Advocates
// page reads rows and never runs a graph algorithm. A run row is the queue and the history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE advocate_runs (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      trigger text NOT NULL CHECK (trigger IN ('schedule', 'request')),
      requested_by uuid,
      requested_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      people int,
      communities int,
      error text
    );
    CREATE INDEX advocate_runs_org ON advocate_runs (org_id, requested_at DESC);
    CREATE INDEX advocate_runs_queued ON advocate_runs (requested_at) WHERE status = 'queued';
    CREATE TABLE advocate_scores (
      org_id uuid NOT NULL,
      account_id uuid NOT NULL,
      run_id uuid NOT NULL,
      follower boolean NOT NULL,
      customer boolean NOT NULL,
      reach double precision NOT NULL,
      followers int NOT NULL,
      amplification double precision NOT NULL,
      reshare_sales_minor bigint NOT NULL,
      ltv_minor bigint NOT NULL,
      value_factor double precision NOT NULL,
      referrals_touched int NOT NULL,
      referrals_converted int NOT NULL,
      referral_conversion double precision NOT NULL,
      score double precision NOT NULL,
      community int NOT NULL,
      bridge_diversity double precision,
      PRIMARY KEY (org_id, account_id)
    );
    CREATE INDEX advocate_scores_rank ON advocate_scores (org_id, score DESC, account_id);
    CREATE INDEX advocate_scores_community ON advocate_scores (org_id, community, score DESC);
    CREATE TABLE advocate_segments (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      name text NOT NULL,
      community int,
      min_score double precision,
      top_n int,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, name)
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE advocate_segments; DROP TABLE advocate_scores; DROP TABLE advocate_runs;');
}
