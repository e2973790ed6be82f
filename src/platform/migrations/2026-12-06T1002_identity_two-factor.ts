import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Two-factor sign-in with TOTP (RFC 6238). The secret is set when enrolment starts and counts once a code
// confirmed it (totp_enabled_at); totp_last_step refuses a code seen before. Recovery codes are stored as
// SHA-256, single-use. A sign-in that passed the password step holds a short-lived challenge (hashed, with its
// failed attempts) until the code arrives: no session exists before that. An organization may ask its staff for
// two-factor sign-in (require_two_factor).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `ALTER TABLE users ADD COLUMN totp_secret text;
    ALTER TABLE users ADD COLUMN totp_enabled_at timestamptz;
    ALTER TABLE users ADD COLUMN totp_last_step bigint;
    ALTER TABLE accounts ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false;
    CREATE TABLE totp_recovery_codes (
      user_id uuid NOT NULL,
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (user_id, code_hash)
    );
    CREATE TABLE login_challenges (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL,
      expires_at timestamptz NOT NULL,
      failed_attempts int NOT NULL DEFAULT 0
    );`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `DROP TABLE login_challenges;
    DROP TABLE totp_recovery_codes;
    ALTER TABLE accounts DROP COLUMN require_two_factor;
    ALTER TABLE users DROP COLUMN totp_last_step;
    ALTER TABLE users DROP COLUMN totp_enabled_at;
    ALTER TABLE users DROP COLUMN totp_secret;`,
  );
}
