import type { ColumnType, Generated } from 'kysely';

export type AccountKind = 'person' | 'brand' | 'reseller';

import type { OrgRole } from '../../platform/http/auth.ts';

export type { OrgRole };
export type Link = { title: string; url: string };

export interface AccountsTable {
  id: string;
  kind: AccountKind;
  handle: string;
  name: string;
  bio: Generated<string>;
  avatar_url: string | null;
  links: ColumnType<Link[], string | undefined, string>;
  verified: Generated<boolean>;
  created_at: Generated<Date>;
  /** An organization asks its staff to sign in with a second factor (they are prompted until they do). */
  require_two_factor: Generated<boolean>;
}

export interface UsersTable {
  account_id: string;
  email: string;
  password_hash: string;
  is_admin: Generated<boolean>;
  created_at: Generated<Date>;
  /** When the person proved they read mail at `email`; null until then. */
  email_verified_at: Date | null;
  /** TOTP secret (base32); counts only once `totp_enabled_at` is set (a code confirmed enrolment). */
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  /** The time step of the last accepted code: a code is never accepted twice. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface TotpRecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

/** A sign-in that passed the password and waits for its second factor; no session exists yet. */
export interface LoginChallengesTable {
  token_hash: string;
  user_id: string;
  expires_at: Date;
  failed_attempts: Generated<number>;
}

export interface SessionsTable {
  token_hash: string;
  /** Opaque id a person uses to end one session (the token hash never leaves the server). */
  id: Generated<string>;
  user_id: string;
  csrf_token: string;
  user_agent: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
}

export type AccountTokenPurpose = 'verify_email' | 'change_email' | 'reset_password';

/** Single-use tokens sent by mail; only their SHA-256 is stored. */
export interface AccountTokensTable {
  token_hash: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  /** The address the token was sent to (for change_email: the new address). */
  email: string;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface OrgMembersTable {
  org_id: string;
  user_id: string;
  role: OrgRole;
  created_at: Generated<Date>;
}

export interface OrgInvitationsTable {
  id: string;
  org_id: string;
  user_id: string;
  role: OrgRole;
  invited_by: string;
  status: Generated<'pending' | 'accepted' | 'declined' | 'cancelled'>;
  created_at: Generated<Date>;
  responded_at: Date | null;
}

export interface LoginAttemptsTable {
  key: string;
  attempts: number;
  window_started_at: Date;
}

export interface LoginDeviceKeysTable {
  id: number;
  secret: string;
}

export type IdentityTables = {
  accounts: AccountsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  org_members: OrgMembersTable;
  org_invitations: OrgInvitationsTable;
  login_attempts: LoginAttemptsTable;
  login_device_keys: LoginDeviceKeysTable;
  account_tokens: AccountTokensTable;
  totp_recovery_codes: TotpRecoveryCodesTable;
  login_challenges: LoginChallengesTable;
};
