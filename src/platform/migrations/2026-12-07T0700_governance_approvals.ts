import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Approvals and scheduled publishing: per brand, which roles need approval to post as the brand and how many
// approvers; drafts waiting for them (a revision number so a changed draft needs fresh approvals), the reviews,
// and the schedule a sweep claims with a lease so a post goes out once across processes and restarts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE governance_approval_settings (
      org_id uuid PRIMARY KEY,
      roles jsonb NOT NULL,
      approvers integer NOT NULL CHECK (approvers BETWEEN 1 AND 3),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE governance_drafts (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      author_id uuid NOT NULL,
      channel text NOT NULL,
      text text NOT NULL,
      policy_override text,
      status text NOT NULL CHECK (status IN
        ('pending', 'changes_requested', 'rejected', 'scheduled', 'published', 'refused')),
      revision integer NOT NULL DEFAULT 1,
      approvals_needed integer NOT NULL,
      publish_at timestamptz,
      lease_until timestamptz,
      post_id uuid,
      refusal text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX governance_drafts_org ON governance_drafts (org_id, status, created_at DESC);
    CREATE INDEX governance_drafts_due ON governance_drafts (publish_at) WHERE status = 'scheduled';
    CREATE TABLE governance_draft_reviews (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      draft_id uuid NOT NULL,
      revision integer NOT NULL,
      reviewer_id uuid NOT NULL,
      decision text NOT NULL CHECK (decision IN ('approve', 'reject', 'request_changes')),
      comment text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX governance_draft_reviews_draft ON governance_draft_reviews (draft_id, created_at);
    CREATE UNIQUE INDEX governance_draft_reviews_one_approval
      ON governance_draft_reviews (draft_id, revision, reviewer_id) WHERE decision = 'approve';
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    'DROP TABLE governance_draft_reviews; DROP TABLE governance_drafts; DROP TABLE governance_approval_settings;',
  );
}
