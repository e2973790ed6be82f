import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Certification on a brand's social policy: the brand's settings (required to post as the brand or reply in
// public, how long a certificate lasts, the pass mark), its edited course (absent: built from its policy rules),
// and the certificates members earned by passing the quiz, each verifiable by its id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE governance_certification_settings (
      org_id uuid PRIMARY KEY,
      required boolean NOT NULL DEFAULT false,
      validity_days integer NOT NULL DEFAULT 365 CHECK (validity_days BETWEEN 1 AND 1095),
      pass_percent integer NOT NULL DEFAULT 80 CHECK (pass_percent BETWEEN 1 AND 100),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE governance_courses (
      org_id uuid PRIMARY KEY,
      course jsonb NOT NULL,
      updated_by uuid NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE governance_certificates (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      score_percent integer NOT NULL,
      issued_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX governance_certificates_holder ON governance_certificates (org_id, user_id, expires_at DESC);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    'DROP TABLE governance_certificates; DROP TABLE governance_courses; DROP TABLE governance_certification_settings;',
  );
}
