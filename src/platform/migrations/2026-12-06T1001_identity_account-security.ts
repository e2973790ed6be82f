import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Account security: verified email addresses, single-use mailed tokens (verify, change email, reset password;
// only their SHA-256 is stored), and sessions a person can list and end one by one (an opaque id, the browser).
// Accounts that existed before verification count as verified: nobody asked them to, and they signed in since.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
    UPDATE users SET email_verified_at = created_at;
    ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
    ALTER TABLE sessions ADD COLUMN user_agent text;
    CREATE UNIQUE INDEX sessions_id ON sessions (id);
    CREATE TABLE account_tokens (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL,
      purpose text NOT NULL CHECK (purpose IN ('verify_email', 'change_email', 'reset_password')),
      email text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose, created_at);`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `DROP TABLE account_tokens;
    DROP INDEX sessions_id;
    ALTER TABLE sessions DROP COLUMN user_agent;
    ALTER TABLE sessions DROP COLUMN id;
    ALTER TABLE users DROP COLUMN email_verified_at;`,
  );
}
