import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Employee advocacy: the brand's content library (its own posts marked shareable, by topic, with a suggested
// caption), the shares its members made from it (one per member and library post), and the paid orders each
// share led to (read from the order's attribution when it is paid, one row per order). The advocates ledger
// takes two new kinds of contribution: a staff share and a sale attributed to one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE governance_shareables (
      org_id uuid NOT NULL,
      post_id uuid NOT NULL,
      topic text NOT NULL CHECK (char_length(topic) BETWEEN 1 AND 60),
      caption text CHECK (char_length(caption) <= 500),
      marked_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, post_id)
    );
    CREATE INDEX governance_shareables_newest ON governance_shareables (org_id, created_at DESC, post_id);
    CREATE TABLE governance_staff_shares (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      library_post_id uuid NOT NULL,
      employee_id uuid NOT NULL,
      post_id uuid NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('reshare', 'quote')),
      followers_reached integer NOT NULL CHECK (followers_reached >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, library_post_id, employee_id)
    );
    CREATE INDEX governance_staff_shares_employee ON governance_staff_shares (org_id, employee_id, created_at);
    CREATE INDEX governance_staff_shares_newest ON governance_staff_shares (org_id, created_at DESC);
    CREATE TABLE governance_staff_share_orders (
      order_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      share_id uuid NOT NULL,
      employee_id uuid NOT NULL,
      total_minor integer NOT NULL CHECK (total_minor >= 0),
      currency text NOT NULL,
      paid_at timestamptz NOT NULL
    );
    CREATE INDEX governance_staff_share_orders_share ON governance_staff_share_orders (org_id, share_id);
    CREATE INDEX governance_staff_share_orders_paid ON governance_staff_share_orders (org_id, paid_at);
    ALTER TABLE contribution_ledger DROP CONSTRAINT contribution_ledger_kind_check;
    ALTER TABLE contribution_ledger ADD CONSTRAINT contribution_ledger_kind_check CHECK (kind IN
      ('referral_earned', 'reshare_sale', 'idea_implemented', 'reversal', 'staff_share', 'staff_sale'));
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE contribution_ledger DROP CONSTRAINT contribution_ledger_kind_check;
    ALTER TABLE contribution_ledger ADD CONSTRAINT contribution_ledger_kind_check CHECK (kind IN
      ('referral_earned', 'reshare_sale', 'idea_implemented', 'reversal'));
    DROP TABLE governance_staff_share_orders;
    DROP TABLE governance_staff_shares;
    DROP TABLE governance_shareables;
    `,
  );
}
