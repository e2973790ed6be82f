import type { Executor } from '../../platform/db/database.ts';
import { findUsersByEmailPatterns } from './identity.repo.ts';
import { verifyPassword } from './passwords.ts';

export type SignIn = { handle: string; email: string; isAdmin: boolean };

/**
 * Which users with an email matching one of the LIKE patterns still sign in with this password (a published
 * one, say), checked against their stored hashes. Looks at no more than `limit` users.
 */
export async function usersSigningInWith(
  db: Executor,
  password: string,
  emailPatterns: string[],
  limit = 20,
): Promise<SignIn[]> {
  if (emailPatterns.length === 0) return [];
  const users = await findUsersByEmailPatterns(db, emailPatterns, limit);
  const checks = await Promise.all(users.map((u) => verifyPassword(u.password_hash, password)));
  return users
    .filter((_, i) => checks[i])
    .map((u) => ({ handle: u.handle, email: u.email, isAdmin: u.is_admin }));
}
