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
