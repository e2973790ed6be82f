import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Private challenges: an invite-only campaign of a brand (a saved advocates segment, members by role, named
// people) with its own ideas and a deadline. Reports: people report ideas and comments; after the brand's number
// of distinct reports the item is hidden until the brand restores it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE idea_challenges (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      title text NOT NULL,
      description text NOT NULL,
      closes_at timestamptz NOT NULL,
      segment_id uuid,
      roles jsonb NOT NULL DEFAULT '[]',
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX idea_challenges_org ON idea_challenges (org_id, closes_at DESC);
    CREATE TABLE idea_challenge_invitees (
      challenge_id uuid NOT NULL REFERENCES idea_challenges ON DELETE CASCADE,
      person_id uuid NOT NULL,
      org_id uuid NOT NULL,
      PRIMARY KEY (challenge_id, person_id)
    );
    CREATE INDEX idea_challenge_invitees_person ON idea_challenge_invitees (person_id);
    ALTER TABLE ideas
      ADD COLUMN challenge_id uuid REFERENCES idea_challenges,
      ADD COLUMN hidden_at timestamptz,
      ADD COLUMN reports integer NOT NULL DEFAULT 0 CHECK (reports >= 0);
    CREATE INDEX ideas_challenge ON ideas (challenge_id, votes DESC) WHERE challenge_id IS NOT NULL;
    ALTER TABLE idea_comments
      ADD COLUMN hidden_at timestamptz,
      ADD COLUMN reports integer NOT NULL DEFAULT 0 CHECK (reports >= 0);
    ALTER TABLE idea_settings
      ADD COLUMN hide_after_reports integer NOT NULL DEFAULT 3 CHECK (hide_after_reports BETWEEN 1 AND 100);
    CREATE TABLE idea_reports (
      org_id uuid NOT NULL,
      target_kind text NOT NULL CHECK (target_kind IN ('idea', 'comment')),
      target_id uuid NOT NULL,
      reporter_id uuid NOT NULL,
      reason text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (target_kind, target_id, reporter_id)
    );
    CREATE INDEX idea_reports_reporter ON idea_reports (reporter_id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DROP TABLE idea_reports;
    ALTER TABLE idea_settings DROP COLUMN hide_after_reports;
    ALTER TABLE idea_comments DROP COLUMN hidden_at, DROP COLUMN reports;
    ALTER TABLE ideas DROP COLUMN challenge_id, DROP COLUMN hidden_at, DROP COLUMN reports;
    DROP TABLE idea_challenge_invitees;
    DROP TABLE idea_challenges;
    `,
  );
}
