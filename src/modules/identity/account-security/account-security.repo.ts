import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { AccountTokenPurpose } from '../identity.tables.ts';

/** The sign-in of a person: what the account-security use cases check and change. */
export function findUserSecurity(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select([
      'users.account_id',
      'users.email',
      'users.password_hash',
      'users.email_verified_at',
      'accounts.name',
    ])
    .where('users.account_id', '=', userId)
    .executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['users.account_id', 'users.email', 'accounts.name'])
    .where(sql`lower(users.email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function setPassword(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('account_id', '=', userId)
    .execute();
}

export async function setEmail(db: Executor, userId: string, email: string, verifiedAt: Date | null) {
  await db
    .updateTable('users')
    .set({ email, email_verified_at: verifiedAt })
    .where('account_id', '=', userId)
    .execute();
}

export async function insertToken(
  db: Executor,
  row: { token_hash: string; user_id: string; purpose: AccountTokenPurpose; email: string; expires_at: Date },
): Promise<void> {
  await db.insertInto('account_tokens').values(row).execute();
}

/** Tokens of one purpose a person was sent since `since`: how many mails they asked for lately. */
export async function countTokensSince(
  db: Executor,
  userId: string,
  purpose: AccountTokenPurpose,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('account_tokens')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The token with this hash, locked, so two uses racing cannot both pass. */
export function findTokenForUpdate(db: Executor, tokenHash: string) {
  return db
    .selectFrom('account_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

/** Marks this token used and retires the person's other unused tokens of the same purpose. */
export async function useTokens(db: Executor, userId: string, purpose: AccountTokenPurpose): Promise<void> {
  await db
    .updateTable('account_tokens')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

/** Tokens past their use, kept a day for a clear "expired" answer, then deleted. */
export async function deleteStaleTokens(db: Executor): Promise<void> {
  await db
    .deleteFrom('account_tokens')
    .where('expires_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
}

export function listSessions(db: Executor, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'token_hash', 'user_agent', 'created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Ends a person's sessions: all, all but one (`except`), or one (`only`); answers the ended token hashes. */
export async function deleteSessions(
  db: Executor,
  userId: string,
  which: { except?: string; only?: string } = {},
): Promise<string[]> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (which.except) query = query.where('token_hash', '!=', which.except);
  if (which.only) query = query.where('id', '=', which.only);
  const rows = await query.returning('token_hash').execute();
  return rows.map((r) => r.token_hash);
}

/** Organizations where this person is the only owner: they must hand it over before closing their account. */
export function soleOwnerships(db: Executor, userId: string) {
  return db
    .selectFrom('org_members as m')
    .innerJoin('accounts as o', 'o.id', 'm.org_id')
    .select('o.handle')
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'owner')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('org_members as other')
            .select('other.user_id')
            .whereRef('other.org_id', '=', 'm.org_id')
            .where('other.role', '=', 'owner')
            .where('other.user_id', '!=', userId),
        ),
      ),
    )
    .execute();
}

/**
 * Closes a person's account: the sign-in (and with it sessions, API tokens, memberships and invitations, which
 * cascade), mailed tokens and two-factor secrets go; the account row stays, anonymised, so kept posts and orders
 * still point at something, shown as "Deleted account". The handle is freed (renamed to `deleted_<id>`).
 */
export async function closeAccount(db: Executor, userId: string): Promise<string[]> {
  const sessions = await deleteSessions(db, userId);
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).execute();
  await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('login_challenges').where('user_id', '=', userId).execute();
  await db.deleteFrom('users').where('account_id', '=', userId).execute();
  await db
    .updateTable('accounts')
    .set({
      handle: `deleted_${userId.replace(/-/g, '').slice(0, 12)}`,
      name: 'Deleted account',
      bio: '',
      avatar_url: null,
      links: '[]',
      verified: false,
    })
    .where('id', '=', userId)
    .execute();
  return sessions;
}

/** What identity holds about a person, for their data export. */
export async function personalData(db: Executor, userId: string) {
  const user = await db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select([
      'accounts.id',
      'accounts.handle',
      'accounts.name',
      'accounts.bio',
      'accounts.avatar_url',
      'accounts.links',
      'accounts.created_at',
      'users.email',
      'users.email_verified_at',
      'users.totp_enabled_at',
    ])
    .where('users.account_id', '=', userId)
    .executeTakeFirst();
  const memberships = await db
    .selectFrom('org_members')
    .innerJoin('accounts', 'accounts.id', 'org_members.org_id')
    .select(['accounts.handle', 'org_members.role', 'org_members.created_at'])
    .where('org_members.user_id', '=', userId)
    .execute();
  const sessions = await db
    .selectFrom('sessions')
    .select(['user_agent', 'created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .execute();
  return { user, memberships, sessions };
}
