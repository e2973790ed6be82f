import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Approvals for deals and public care replies beside posts as the brand: one settings row per brand names the
// roles per kind, and one drafts table holds every kind, its kind in `channel` and what it publishes in `payload`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE governance_approval_settings
      ADD COLUMN deal_roles jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN care_reply_roles jsonb NOT NULL DEFAULT '[]';
    ALTER TABLE governance_drafts ADD COLUMN payload jsonb;
    ALTER TABLE governance_drafts
      ADD CONSTRAINT governance_drafts_kind CHECK (channel IN ('brand_post', 'deal', 'care_reply'));
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `ALTER TABLE governance_drafts DROP CONSTRAINT governance_drafts_kind;
     ALTER TABLE governance_drafts DROP COLUMN payload;
     ALTER TABLE governance_approval_settings DROP COLUMN deal_roles, DROP COLUMN care_reply_roles;`,
  );
}
