import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE accounts (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('person', 'brand', 'reseller')),
      handle text NOT NULL,
      name text NOT NULL,
      bio text NOT NULL DEFAULT '',
      avatar_url text,
      links jsonb NOT NULL DEFAULT '[]',
      verified boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX accounts_handle ON accounts (lower(handle));
    CREATE INDEX accounts_name_search ON accounts USING gin (to_tsvector('simple', handle || ' ' || name));
    CREATE TABLE users (
      account_id uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
      email text NOT NULL,
      password_hash text NOT NULL,
      is_admin boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_email ON users (lower(email));
    CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (account_id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (account_id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX api_tokens_user ON api_tokens (user_id);
    CREATE TABLE org_members (
      org_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (account_id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('owner', 'admin', 'marketer', 'agent', 'sales', 'employee', 'partner')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, user_id)
    );
    CREATE INDEX org_members_user ON org_members (user_id);
    CREATE TABLE org_invitations (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (account_id) ON DELETE CASCADE,
      role text NOT NULL,
      invited_by uuid NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      responded_at timestamptz
    );
    CREATE UNIQUE INDEX org_invitations_pending ON org_invitations (org_id, user_id) WHERE status = 'pending';
    CREATE INDEX org_invitations_user ON org_invitations (user_id, status);
    CREATE TABLE login_failures (
      key text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_failures_key ON login_failures (key, at);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `DROP TABLE login_failures; DROP TABLE org_invitations; DROP TABLE org_members; DROP TABLE api_tokens;
     DROP TABLE sessions; DROP TABLE users; DROP TABLE accounts;`,
  );
}
