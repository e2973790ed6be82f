import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Tiers by rolling 12-month points: a brand's ladder (none stored: the default ladder), each person's current tier
// per brand, and every move between tiers with the entry that caused it, so the brand sees who moved and why.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE advocate_tiers (
      org_id uuid NOT NULL,
      key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9-]{0,29}$'),
      name text NOT NULL,
      min_points int NOT NULL CHECK (min_points >= 0),
      perks text NOT NULL DEFAULT '',
      PRIMARY KEY (org_id, key),
      UNIQUE (org_id, min_points)
    );
    CREATE TABLE advocate_tier_states (
      org_id uuid NOT NULL,
      account_id uuid NOT NULL,
      tier_key text NOT NULL,
      points int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, account_id)
    );
    CREATE INDEX advocate_tier_states_tier ON advocate_tier_states (org_id, tier_key);
    CREATE TABLE advocate_tier_changes (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      account_id uuid NOT NULL,
      from_key text,
      to_key text NOT NULL,
      points int NOT NULL,
      reason text NOT NULL,
      entry_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX advocate_tier_changes_org ON advocate_tier_changes (org_id, created_at DESC, id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `DROP TABLE advocate_tier_changes; DROP TABLE advocate_tier_states; DROP TABLE advocate_tiers;`,
  );
}
