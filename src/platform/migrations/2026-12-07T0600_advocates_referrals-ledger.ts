import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Referrals are recorded from commerce events (one row per referred order) and earned after the brand's hold
// period; the contribution ledger is append-only, one entry per source event, so a replayed event adds nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE referral_settings (
      org_id uuid PRIMARY KEY,
      hold_days int NOT NULL CHECK (hold_days BETWEEN 0 AND 365),
      stranger_flag_threshold int NOT NULL CHECK (stranger_flag_threshold BETWEEN 2 AND 100000),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE referrals (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      referrer_id uuid NOT NULL,
      buyer_id uuid NOT NULL,
      order_id uuid NOT NULL UNIQUE,
      total_minor bigint NOT NULL,
      currency text NOT NULL,
      status text NOT NULL
        CHECK (status IN ('pending', 'flagged', 'earned', 'cancelled', 'rejected', 'refused', 'reversed')),
      reason text,
      stranger boolean NOT NULL,
      placed_at timestamptz NOT NULL,
      paid_at timestamptz,
      earn_at timestamptz NOT NULL,
      decided_by uuid,
      decided_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX referrals_org ON referrals (org_id, status, placed_at DESC, id);
    CREATE INDEX referrals_referrer ON referrals (referrer_id, placed_at DESC, id);
    CREATE INDEX referrals_due ON referrals (earn_at) WHERE status = 'pending' AND paid_at IS NOT NULL;
    CREATE TABLE contribution_rules (
      org_id uuid NOT NULL,
      kind text NOT NULL,
      points int NOT NULL CHECK (points >= 0),
      PRIMARY KEY (org_id, kind)
    );
    CREATE TABLE contribution_ledger (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      account_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('referral_earned', 'reshare_sale', 'idea_implemented', 'reversal')),
      points int NOT NULL,
      source_key text NOT NULL,
      reference_id text,
      note text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, source_key)
    );
    CREATE INDEX contribution_ledger_account ON contribution_ledger (account_id, org_id, created_at DESC);
    CREATE FUNCTION contribution_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'contribution_ledger is append-only'; END $$;
    CREATE TRIGGER contribution_ledger_append_only BEFORE UPDATE OR DELETE ON contribution_ledger
      FOR EACH ROW EXECUTE FUNCTION contribution_ledger_append_only();
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `DROP TABLE contribution_ledger; DROP FUNCTION contribution_ledger_append_only();
     DROP TABLE contribution_rules; DROP TABLE referrals; DROP TABLE referral_settings;`,
  );
}
