import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Sign-in throttling counts attempts in one row per key, incremented by one INSERT … ON CONFLICT … RETURNING
// before the password is checked, so parallel guesses (on any server process) cannot all pass the limit.
// The device-cookie key signs the cookies that let a browser that signed in before skip the account-wide
// lockout; it lives in the database so every server process shares it, and is random per installation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `CREATE TABLE login_attempts (
      key text PRIMARY KEY,
      attempts int NOT NULL,
      window_started_at timestamptz NOT NULL
    );
    CREATE TABLE login_device_keys (
      id int PRIMARY KEY CHECK (id = 1),
      secret text NOT NULL
    );
    INSERT INTO login_device_keys (id, secret)
      VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
    DROP TABLE login_failures;`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `CREATE TABLE login_failures (key text NOT NULL, at timestamptz NOT NULL DEFAULT now());
    CREATE INDEX login_failures_key ON login_failures (key, at);
    DROP TABLE login_device_keys;
    DROP TABLE login_attempts;`,
  );
}
