import { type Db, type Executor, isUniqueViolation } from '../../platform/db/database.ts';
import { groupBatcher } from '../../platform/db/group-batcher.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids.ts';
import type { CredentialChanges } from '../../platform/live/live-hub.ts';
import { TtlCache } from '../../platform/ttl-cache.ts';
import type { AccountSecurityService } from './account-security/account-security.service.ts';
import { identityError } from './identity.errors.ts';
import * as repo from './identity.repo.ts';
import type { Link } from './identity.tables.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { TwoFactorService } from './two-factor/two-factor.service.ts';

export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Hot lookups kept briefly in memory: who a session or token is (every request asks) and account summaries
 * (every list of posts names its authors). This process drops an entry the moment it changes it; other server
 * processes see the change within the TTL.
 */
export type IdentityCaches = { principals: TtlCache<Principal>; accounts: TtlCache<repo.AccountRow> };
export const createIdentityCaches = (): IdentityCaches => ({
  principals: new TtlCache(2000),
  accounts: new TtlCache(5000),
});

export type IdentityDeps = {
  db: Db;
  events: EventBus;
  caches: IdentityCaches;
  /** Told when a session or token ends, so open live streams end with it. */
  live?: CredentialChanges;
  /** Mails the new account its verification link, in the sign-up's transaction. */
  security: Pick<AccountSecurityService, 'userCreated'>;
  /** Asks for the second factor after the password, when the person turned it on. */
  twoFactor: Pick<TwoFactorService, 'isEnabled' | 'beginLogin'>;
};

/** What a correct password gets: a session, or (two-factor on) a challenge to answer with a code. */
export type LoginOutcome =
  | ({ step: 'session'; deviceCookie: string } & Session)
  | { step: 'two_factor'; challenge: string; expiresAt: Date; deviceCookie: string };

export type SignupInput = { email: string; password: string; handle: string; name: string };

export type Session = { token: string; csrfToken: string; userId: string; expiresAt: Date };

export function createIdentityService({ db, events, caches, live, security, twoFactor }: IdentityDeps) {
  const tx = <T>(fn: (trx: Executor) => Promise<T>) => events.transaction(db, fn);
  // Requests arriving together are authenticated by one statement (a cache miss costs a round trip otherwise).
  const sessionPrincipal = groupBatcher((hashes: string[]) => repo.findPrincipals(db, 'session', hashes));
  const tokenPrincipal = groupBatcher((hashes: string[]) => repo.findPrincipals(db, 'token', hashes));
  const throttle = createLoginThrottle(db);

  async function startSession(userId: string, userAgent?: string): Promise<Session> {
    const token = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS * 1000);
    await repo.insertSession(db, {
      token_hash: hashSecret(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      user_agent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken, userId, expiresAt };
  }

  /** Creates a person account and user; fails with a 409 naming the field when the handle or email is taken. */
  async function createUser(
    input: SignupInput & { isAdmin?: boolean; passwordHash?: string },
  ): Promise<string> {
    const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
    const id = newId();
    await tx(async (trx) => {
      if (await repo.handleTaken(trx, input.handle)) throw handleTakenError(input.handle);
      if (await repo.emailTaken(trx, input.email)) {
        throw identityError('email_taken', 'An account with this email already exists', [
          { field: 'email', message: 'is already registered' },
        ]);
      }
      await repo.insertAccount(trx, { id, kind: 'person', handle: input.handle, name: input.name });
      await repo.insertUser(trx, {
        account_id: id,
        email: input.email,
        password_hash: passwordHash,
        is_admin: input.isAdmin ?? false,
      });
      await events.emit(trx, 'account.created', id, { accountId: id, kind: 'person', handle: input.handle });
      await security.userCreated(trx, { id, email: input.email, name: input.name });
    }).catch(rethrowUniqueViolation(input.handle));
    return id;
  }

  return {
    createUser,
    startSession,

    async signup(input: SignupInput, userAgent?: string): Promise<Session> {
      return startSession(await createUser(input), userAgent);
    },

    /**
     * Checks credentials with throttling (see login-throttle.ts); every failure looks the same to the caller.
     * `deviceCookie` is the browser's device cookie, if any; a successful sign-in returns the one to keep.
     */
    async login(
      login: string,
      password: string,
      address: string,
      deviceCookie?: string,
      userAgent?: string,
    ): Promise<LoginOutcome> {
      const user = await repo.findUserByLogin(db, login);
      const accountKey = user
        ? `account:${user.account_id}`
        : `login:${login.toLowerCase().replace(/^@/, '')}`;
      const device = await throttle.trustedDevice(deviceCookie, user?.account_id);
      const gate = await throttle.enter(accountKey, address, device);
      if (!(await verifyPassword(user?.password_hash, password)) || !user)
        throw identityError('invalid_credentials', 'Email or password is incorrect');
      await throttle.succeeded(gate);
      const cookie = await throttle.deviceCookie(user.account_id, device);
      // No session before the second factor: the password alone gets only a short-lived challenge.
      if (await twoFactor.isEnabled(user.account_id))
        return { step: 'two_factor', ...(await twoFactor.beginLogin(user.account_id)), deviceCookie: cookie };
      return { step: 'session', ...(await startSession(user.account_id, userAgent)), deviceCookie: cookie };
    },

    async logout(sessionToken: string) {
      const tokenHash = hashSecret(sessionToken);
      await repo.deleteSession(db, tokenHash);
      caches.principals.delete(`session:${tokenHash}`);
      live?.credentialRevoked({ via: 'session', tokenHash });
    },

    async resolvePrincipal(via: 'session' | 'token', tokenHash: string): Promise<Principal | undefined> {
      const key = `${via}:${tokenHash}`;
      const cached = caches.principals.get(key);
      if (cached !== undefined) return cached;
      const loadedAt = caches.principals.version();
      const principal = await (via === 'session' ? sessionPrincipal : tokenPrincipal)(tokenHash);
      // Unknown tokens are not remembered: a session created by another process must work at once.
      if (principal) caches.principals.set(key, principal, loadedAt);
      return principal;
    },

    async resolvePrincipalForUser(userId: string): Promise<Principal> {
      const principal = await repo.findUserPrincipal(db, userId);
      if (!principal) throw identityError('not_found', 'User not found');
      return principal;
    },

    /** Accounts by id, read now (not from the short-lived cache): what a user's own page shows. */
    accountsByIds: (ids: string[]) => repo.findAccountsByIds(db, ids),

    async me(userId: string) {
      const user = await repo.findUser(db, userId);
      const [account] = await repo.findAccountsByIds(db, [userId]);
      if (!user || !account) throw identityError('not_found', 'User not found');
      return {
        account,
        email: user.email,
        emailVerified: user.email_verified_at !== null,
        isAdmin: user.is_admin,
      };
    },

    async updateProfile(
      accountId: string,
      patch: { name?: string; bio?: string; avatarUrl?: string | null; links?: Link[] },
    ) {
      await repo.updateAccount(db, accountId, {
        name: patch.name,
        bio: patch.bio,
        avatar_url: patch.avatarUrl,
        links: patch.links,
      });
      caches.accounts.delete(accountId);
    },

    async createApiToken(userId: string, name: string) {
      const token = newSecret(API_TOKEN_PREFIX);
      const row = await repo.insertApiToken(db, {
        id: newId(),
        user_id: userId,
        name,
        token_hash: hashSecret(token),
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      });
      return { ...row, token };
    },

    listApiTokens: (userId: string) => repo.listApiTokens(db, userId),

    async revokeApiToken(userId: string, id: string) {
      const tokenHash = await repo.revokeApiToken(db, userId, id);
      if (!tokenHash) throw identityError('not_found', 'API token not found');
      caches.principals.delete(`token:${tokenHash}`);
      live?.credentialRevoked({ via: 'token', tokenHash });
    },

    async setAdmin(handle: string, isAdmin: boolean) {
      const account = await repo.findAccountByHandle(db, handle);
      if (account?.kind !== 'person') throw identityError('not_found', 'User not found');
      await repo.setAdmin(db, account.id, isAdmin);
      caches.principals.clear();
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;

export const handleTakenError = (handle: string) =>
  identityError('handle_taken', `The handle @${handle} is already taken`, [
    { field: 'handle', message: 'is already taken' },
  ]);

/** Two sign-ups racing for one handle: the unique index decides, and the loser gets the same 409. */
export function rethrowUniqueViolation(handle: string) {
  return (err: unknown): never => {
    if (isUniqueViolation(err)) {
      const detail = String((err as { detail?: string; constraint?: string }).constraint ?? '');
      if (detail.includes('email'))
        throw identityError('email_taken', 'An account with this email already exists');
      throw handleTakenError(handle);
    }
    throw err;
  };
}
