import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

export function findTotp(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select([
      'users.account_id',
      'users.email',
      'users.password_hash',
      'users.totp_secret',
      'users.totp_enabled_at',
      'users.totp_last_step',
      'accounts.handle',
    ])
    .where('users.account_id', '=', userId)
    .executeTakeFirst();
}

/** Locks the person's row while a code is checked, so one code cannot pass twice in a race. */
export async function lockUser(db: Executor, userId: string): Promise<void> {
  await db.selectFrom('users').select('account_id').where('account_id', '=', userId).forUpdate().execute();
}

export async function setPendingSecret(db: Executor, userId: string, secret: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null })
    .where('account_id', '=', userId)
    .where('totp_enabled_at', 'is', null)
    .execute();
}

export async function enableTotp(db: Executor, userId: string, step: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled_at: sql`now()`, totp_last_step: step })
    .where('account_id', '=', userId)
    .execute();
}

export async function setLastStep(db: Executor, userId: string, step: number): Promise<void> {
  await db.updateTable('users').set({ totp_last_step: step }).where('account_id', '=', userId).execute();
}

export async function disableTotp(db: Executor, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('account_id', '=', userId)
    .execute();
  await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]): Promise<void> {
  await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('totp_recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

export function findRecoveryCode(db: Executor, userId: string, codeHash: string) {
  return db
    .selectFrom('totp_recovery_codes')
    .select(['used_at'])
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
}

export async function markRecoveryCodeUsed(db: Executor, userId: string, codeHash: string): Promise<void> {
  await db
    .updateTable('totp_recovery_codes')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .execute();
}

export async function recoveryCodesLeft(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('totp_recovery_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertChallenge(
  db: Executor,
  row: { token_hash: string; user_id: string; expires_at: Date },
): Promise<void> {
  await db.deleteFrom('login_challenges').where('expires_at', '<', sql<Date>`now()`).execute();
  await db.insertInto('login_challenges').values(row).execute();
}

export function findChallengeForUpdate(db: Executor, tokenHash: string) {
  return db
    .selectFrom('login_challenges')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function countChallengeFailure(db: Executor, tokenHash: string): Promise<void> {
  await db
    .updateTable('login_challenges')
    .set({ failed_attempts: sql`failed_attempts + 1` })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteChallenge(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('login_challenges').where('token_hash', '=', tokenHash).execute();
}

/** Orgs of a person that ask their staff for two-factor sign-in. */
export async function orgsRequiringTwoFactor(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_members')
    .innerJoin('accounts', 'accounts.id', 'org_members.org_id')
    .select('accounts.handle')
    .where('org_members.user_id', '=', userId)
    .where('accounts.require_two_factor', '=', true)
    .orderBy('accounts.handle')
    .execute();
  return rows.map((r) => r.handle);
}

export async function setOrgRequirement(db: Executor, orgId: string, required: boolean): Promise<void> {
  await db.updateTable('accounts').set({ require_two_factor: required }).where('id', '=', orgId).execute();
}
