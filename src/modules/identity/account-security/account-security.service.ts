import type { Db, Executor } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import { hashSecret, newSecret } from '../../../platform/http/auth.ts';
import type { CredentialChanges } from '../../../platform/live/live-hub.ts';
import type { MailContent, MailModule } from '../../mail/index.ts';
import { identityError } from '../identity.errors.ts';
import type { IdentityCaches } from '../identity.service.ts';
import type { AccountTokenPurpose } from '../identity.tables.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import * as mails from './account-security.mail.ts';
import * as repo from './account-security.repo.ts';

const HOUR_MS = 3600_000;
const TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * HOUR_MS,
  change_email: 24 * HOUR_MS,
  reset_password: HOUR_MS,
};
/** Mails of one kind a person may be sent per hour (asking again after that is silently ignored or a 429). */
const MAILS_PER_HOUR = 3;

export type AccountSecurityDeps = {
  db: Db;
  events: EventBus;
  caches: IdentityCaches;
  live?: CredentialChanges;
  mail: Pick<MailModule, 'service'>;
  /** The web app's address, for links in mail. */
  publicUrl: string;
};

/**
 * Email verification and change, password change and reset, and a person's sessions. Tokens sent by mail are
 * single-use, stored as SHA-256, and expire (reset: 1 hour; verification: 24 hours). Mail is queued in the
 * transaction of the change and sent after it commits.
 */
export function createAccountSecurityService({
  db,
  events,
  caches,
  live,
  mail,
  publicUrl,
}: AccountSecurityDeps) {
  const tx = <T>(fn: (trx: Executor) => Promise<T>) => events.transaction(db, fn);
  const link = (page: string, token: string) => `${publicUrl}/${page}?token=${encodeURIComponent(token)}`;

  async function issueToken(trx: Executor, userId: string, purpose: AccountTokenPurpose, email: string) {
    const token = newSecret();
    await repo.insertToken(trx, {
      token_hash: hashSecret(token),
      user_id: userId,
      purpose,
      email,
      expires_at: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
    });
    return token;
  }

  const recentMails = (userId: string, purpose: AccountTokenPurpose) =>
    repo.countTokensSince(db, userId, purpose, new Date(Date.now() - HOUR_MS));

  /** Forgets ended sessions in this process at once and ends their live streams. */
  function sessionsEnded(tokenHashes: string[]) {
    for (const tokenHash of tokenHashes) {
      caches.principals.delete(`session:${tokenHash}`);
      live?.credentialRevoked({ via: 'session', tokenHash });
    }
  }

  async function checkPassword(userId: string, password: string) {
    const user = await repo.findUserSecurity(db, userId);
    if (!user) throw identityError('not_found', 'User not found');
    if (!(await verifyPassword(user.password_hash, password)))
      throw identityError('wrong_password', 'The current password is not correct', [
        { field: 'currentPassword', message: 'is not correct' },
      ]);
    return user;
  }

  /** Checks a mailed token in the caller's transaction (locked): unknown, another purpose, used, expired. */
  async function takeToken(trx: Executor, token: string, purposes: AccountTokenPurpose[]) {
    const row = await repo.findTokenForUpdate(trx, hashSecret(token));
    if (!row || !purposes.includes(row.purpose))
      throw identityError('token_invalid', 'This link is not valid; ask for a new one');
    if (row.used_at) throw identityError('token_used', 'This link was already used; ask for a new one');
    if (row.expires_at.getTime() <= Date.now())
      throw identityError('token_expired', 'This link has expired; ask for a new one');
    const user = await repo.findUserSecurity(trx, row.user_id);
    if (!user) throw identityError('token_invalid', 'This link is not valid; ask for a new one');
    return { row, user };
  }

  const queue = (trx: Executor, to: string, content: MailContent) => mail.service.queue(trx, to, content);

  return {
    /** Sends the sign-up verification mail, in the sign-up's transaction. */
    async userCreated(trx: Executor, user: { id: string; email: string; name: string }) {
      const token = await issueToken(trx, user.id, 'verify_email', user.email);
      await queue(trx, user.email, mails.verifyEmailMail(user.name, link('verify-email', token)));
    },

    async resendVerification(userId: string) {
      const user = await repo.findUserSecurity(db, userId);
      if (!user) throw identityError('not_found', 'User not found');
      if (user.email_verified_at)
        throw identityError('already_verified', 'Your email address is already verified');
      if ((await recentMails(userId, 'verify_email')) >= MAILS_PER_HOUR)
        throw identityError(
          'too_many_mails',
          'We sent several mails within the hour; check your inbox or try later',
        );
      await tx(async (trx) => {
        const token = await issueToken(trx, userId, 'verify_email', user.email);
        await queue(trx, user.email, mails.verifyEmailMail(user.name, link('verify-email', token)));
      });
    },

    /** Confirms an address from a mailed link: the sign-up address, or a new one (which then replaces the old). */
    async verifyEmail(token: string): Promise<{ email: string; changed: boolean }> {
      return tx(async (trx) => {
        const { row, user } = await takeToken(trx, token, ['verify_email', 'change_email']);
        if (row.purpose === 'verify_email' && user.email.toLowerCase() !== row.email.toLowerCase())
          throw identityError('token_invalid', 'This link was sent to an address no longer on the account');
        if (row.purpose === 'change_email') {
          const holder = await repo.findUserByEmail(trx, row.email);
          if (holder && holder.account_id !== user.account_id)
            throw identityError('email_taken', 'An account with this email already exists');
          await queue(trx, user.email, mails.emailChangedNotice(user.name, row.email));
        }
        await repo.setEmail(trx, user.account_id, row.email, new Date());
        await repo.useTokens(trx, user.account_id, row.purpose);
        return { email: row.email, changed: row.purpose === 'change_email' };
      });
    },

    async requestEmailChange(userId: string, newEmail: string, password: string) {
      const user = await checkPassword(userId, password);
      if (user.email.toLowerCase() === newEmail.toLowerCase())
        throw identityError('same_email', 'That is already your email address', [
          { field: 'email', message: 'is your current address' },
        ]);
      if (await repo.findUserByEmail(db, newEmail))
        throw identityError('email_taken', 'An account with this email already exists', [
          { field: 'email', message: 'is already registered' },
        ]);
      if ((await recentMails(userId, 'change_email')) >= MAILS_PER_HOUR)
        throw identityError(
          'too_many_mails',
          'We sent several mails within the hour; check your inbox or try later',
        );
      await tx(async (trx) => {
        const token = await issueToken(trx, userId, 'change_email', newEmail);
        await queue(trx, newEmail, mails.changeEmailMail(user.name, link('verify-email', token)));
        await queue(trx, user.email, mails.emailChangeRequestedNotice(user.name, newEmail));
      });
    },

    /** Changes the password (the current one is required) and signs out every other session. */
    async changePassword(userId: string, currentSession: string | undefined, current: string, next: string) {
      const user = await checkPassword(userId, current);
      const passwordHash = await hashPassword(next);
      const ended = await tx(async (trx) => {
        await repo.setPassword(trx, userId, passwordHash);
        await queue(trx, user.email, mails.passwordChangedNotice(user.name, 'changed'));
        return repo.deleteSessions(trx, userId, { except: currentSession ?? '' });
      });
      sessionsEnded(ended);
      return { sessionsEnded: ended.length };
    },

    /** Mails a reset link when the address has an account; the caller answers the same either way. */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await repo.findUserByEmail(db, email);
      if (!user || (await recentMails(user.account_id, 'reset_password')) >= MAILS_PER_HOUR) return;
      await tx(async (trx) => {
        const token = await issueToken(trx, user.account_id, 'reset_password', user.email);
        await queue(trx, user.email, mails.resetPasswordMail(user.name, link('reset-password', token)));
      });
      await repo.deleteStaleTokens(db);
    },

    /** Sets a new password from a reset link; every session ends, and the address counts as verified. */
    async resetPassword(token: string, password: string): Promise<void> {
      const passwordHash = await hashPassword(password);
      const ended = await tx(async (trx) => {
        const { row, user } = await takeToken(trx, token, ['reset_password']);
        if (user.email.toLowerCase() !== row.email.toLowerCase())
          throw identityError('token_invalid', 'This link was sent to an address no longer on the account');
        await repo.setPassword(trx, user.account_id, passwordHash);
        if (!user.email_verified_at) await repo.setEmail(trx, user.account_id, user.email, new Date());
        await repo.useTokens(trx, user.account_id, 'reset_password');
        await queue(trx, user.email, mails.passwordChangedNotice(user.name, 'reset'));
        return repo.deleteSessions(trx, user.account_id);
      });
      sessionsEnded(ended);
    },

    async listSessions(userId: string, currentSession: string | undefined) {
      const rows = await repo.listSessions(db, userId);
      return rows.map((s) => ({
        id: s.id,
        userAgent: s.user_agent,
        createdAt: s.created_at.toISOString(),
        expiresAt: s.expires_at.toISOString(),
        current: s.token_hash === currentSession,
      }));
    },

    async endSession(userId: string, sessionId: string) {
      const ended = await repo.deleteSessions(db, userId, { only: sessionId });
      if (ended.length === 0) throw identityError('not_found', 'Session not found');
      sessionsEnded(ended);
    },

    /** Checks a person's password before a grave change (closing the account); 403 wrong_password if not. */
    async confirmPassword(userId: string, password: string): Promise<void> {
      const user = await checkPassword(userId, password);
      const owned = await repo.soleOwnerships(db, user.account_id);
      if (owned.length > 0)
        throw identityError(
          'sole_owner',
          `You are the only owner of ${owned.map((o) => `@${o.handle}`).join(', ')}: make someone else an owner first`,
        );
    },

    /** Closes the account in the caller's transaction (see repo.closeAccount); `afterCommit` ends live sessions. */
    async closeAccount(trx: Executor, userId: string) {
      const ended = await repo.closeAccount(trx, userId);
      return () => {
        sessionsEnded(ended);
        caches.accounts.delete(userId);
      };
    },

    /** What identity holds about the person, for their data export. */
    async personalData(userId: string) {
      const { user, memberships, sessions } = await repo.personalData(db, userId);
      if (!user) throw identityError('not_found', 'User not found');
      return {
        id: user.id,
        handle: user.handle,
        name: user.name,
        bio: user.bio,
        avatarUrl: user.avatar_url,
        links: user.links,
        createdAt: user.created_at.toISOString(),
        email: user.email,
        emailVerifiedAt: user.email_verified_at?.toISOString() ?? null,
        twoFactorEnabledAt: user.totp_enabled_at?.toISOString() ?? null,
        memberships: memberships.map((m) => ({
          org: m.handle,
          role: m.role,
          since: m.created_at.toISOString(),
        })),
        sessions: sessions.map((s) => ({
          userAgent: s.user_agent,
          createdAt: s.created_at.toISOString(),
          expiresAt: s.expires_at.toISOString(),
        })),
      };
    },

    async endOtherSessions(userId: string, currentSession: string | undefined) {
      const ended = await repo.deleteSessions(db, userId, { except: currentSession ?? '' });
      sessionsEnded(ended);
      return { sessionsEnded: ended.length };
    },
  };
}

export type AccountSecurityService = ReturnType<typeof createAccountSecurityService>;
