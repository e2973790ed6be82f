import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A brand's social policy: its rules (defaults copied in on first read, then the brand's to edit), a version
// the lint caches compiled policies by, and the audit log of blocked drafts and overridden warnings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE governance_policies (
      org_id uuid PRIMARY KEY,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE governance_policy_rules (
      org_id uuid NOT NULL,
      rule_id text NOT NULL,
      position integer NOT NULL,
      rule jsonb NOT NULL,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, rule_id)
    );
    CREATE TABLE governance_policy_audit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      actor_id uuid NOT NULL,
      action text NOT NULL CHECK (action IN ('blocked', 'overridden')),
      channel text NOT NULL,
      rule_ids jsonb NOT NULL,
      findings jsonb NOT NULL,
      reason text,
      text text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX governance_policy_audit_org ON governance_policy_audit (org_id, created_at DESC, id DESC);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    'DROP TABLE governance_policy_audit; DROP TABLE governance_policy_rules; DROP TABLE governance_policies;',
  );
}
