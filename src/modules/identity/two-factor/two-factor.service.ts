import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import { hashSecret, newSecret } from '../../../platform/http/auth.ts';
import { identityError } from '../identity.errors.ts';
import { verifyPassword } from '../passwords.ts';
import * as repo from './two-factor.repo.ts';

const ISSUER = 'Souk';
const CHALLENGE_TTL_MS = 5 * 60_000;
/** Wrong codes one sign-in may send before it must start again from the password. */
export const MAX_CODE_ATTEMPTS = 5;
const RECOVERY_CODE_COUNT = 10;
/** One step (30 s) either side of now, for clocks a little off. */
const EPOCH_TOLERANCE_SECONDS = 30;

/** `abcd-efgh-ijkl`: 60 random bits in letters and digits that are hard to confuse. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((c) => c.join('')).join('-');
}
const normalize = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

/** The time step a TOTP code matched (never one at or before `afterTimeStep`), or null. */
async function verifyTotp(
  secret: string,
  token: string,
  afterTimeStep: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token,
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
  }).catch(() => undefined);
  return result?.valid && 'timeStep' in result ? result.timeStep : null;
}

type TotpUser = NonNullable<Awaited<ReturnType<typeof repo.findTotp>>>;
type CodeCheck =
  | { ok: true; used: 'totp' | 'recovery' }
  | { ok: false; error: 'totp_invalid' | 'recovery_code_used' };

/**
 * Two-factor sign-in with TOTP: enrolment (a code confirms the secret before it counts), 10 single-use recovery
 * codes shown once and stored hashed, the second sign-in step (no session exists before it) with a limit on
 * wrong codes, and disabling (password and a code). Organizations may ask their staff for it.
 */
export function createTwoFactorService({ db, events }: { db: Db; events: EventBus }) {
  const tx = <T>(fn: (trx: Executor) => Promise<T>) => events.transaction(db, fn);

  async function userOf(executor: Executor, userId: string): Promise<TotpUser> {
    const user = await repo.findTotp(executor, userId);
    if (!user) throw identityError('not_found', 'User not found');
    return user;
  }

  /** Checks a TOTP code (each time step once) or a recovery code (each once), in the caller's transaction. */
  async function checkCode(trx: Executor, user: TotpUser, code: string): Promise<CodeCheck> {
    const value = normalize(code);
    if (/^\d{6}$/.test(value)) {
      const step = await verifyTotp(user.totp_secret!, value, user.totp_last_step);
      if (step === null) return { ok: false, error: 'totp_invalid' };
      await repo.setLastStep(trx, user.account_id, step);
      return { ok: true, used: 'totp' };
    }
    const codeHash = hashSecret(value);
    const recovery = await repo.findRecoveryCode(trx, user.account_id, codeHash);
    if (!recovery) return { ok: false, error: 'totp_invalid' };
    if (recovery.used_at) return { ok: false, error: 'recovery_code_used' };
    await repo.markRecoveryCodeUsed(trx, user.account_id, codeHash);
    return { ok: true, used: 'recovery' };
  }

  const codeError = (error: 'totp_invalid' | 'recovery_code_used') =>
    error === 'totp_invalid'
      ? identityError('totp_invalid', 'That code is not right (or was already used); try the current one', [
          { field: 'code', message: 'is not right' },
        ])
      : identityError('recovery_code_used', 'That recovery code was already used; each works once', [
          { field: 'code', message: 'was already used' },
        ]);

  return {
    async status(userId: string) {
      const user = await userOf(db, userId);
      return {
        enabled: user.totp_enabled_at !== null,
        recoveryCodesLeft: user.totp_enabled_at ? await repo.recoveryCodesLeft(db, userId) : 0,
        requiredBy: await repo.orgsRequiringTwoFactor(db, userId),
      };
    },

    /** Starts enrolment: a new secret, as an otpauth:// URL and a QR code (SVG data URL); not active yet. */
    async startEnrolment(userId: string) {
      const user = await userOf(db, userId);
      if (user.totp_enabled_at)
        throw identityError('totp_already_enabled', 'Two-factor sign-in is already on');
      const secret = generateSecret();
      await repo.setPendingSecret(db, userId, secret);
      const otpauthUrl = generateURI({ issuer: ISSUER, label: `@${user.handle}`, secret });
      const svg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 });
      return {
        secret,
        otpauthUrl,
        qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      };
    },

    /** Turns two-factor on once a code from the app matches; answers the recovery codes, shown only now. */
    async confirmEnrolment(userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      return tx(async (trx) => {
        await repo.lockUser(trx, userId);
        const user = await userOf(trx, userId);
        if (user.totp_enabled_at)
          throw identityError('totp_already_enabled', 'Two-factor sign-in is already on');
        if (!user.totp_secret)
          throw identityError(
            'totp_not_started',
            'Start the set-up first: scan the QR code, then send a code',
          );
        const step = await verifyTotp(user.totp_secret, normalize(code), null);
        if (step === null) throw codeError('totp_invalid');
        await repo.enableTotp(trx, userId, step);
        await repo.replaceRecoveryCodes(
          trx,
          userId,
          codes.map((c) => hashSecret(normalize(c))),
        );
        return { recoveryCodes: codes };
      });
    },

    /** Turns two-factor off: the password and a current code (or a recovery code) are both needed. */
    async disable(userId: string, password: string, code: string): Promise<void> {
      const before = await userOf(db, userId);
      if (!before.totp_enabled_at) throw identityError('totp_not_enabled', 'Two-factor sign-in is not on');
      if (!(await verifyPassword(before.password_hash, password)))
        throw identityError('wrong_password', 'The current password is not correct', [
          { field: 'password', message: 'is not correct' },
        ]);
      const failure = await tx(async (trx) => {
        await repo.lockUser(trx, userId);
        const result = await checkCode(trx, await userOf(trx, userId), code);
        if (!result.ok) return result.error;
        await repo.disableTotp(trx, userId);
        return undefined;
      });
      if (failure) throw codeError(failure);
    },

    /** Whether a sign-in of this person needs the second step. */
    isEnabled: async (userId: string) => (await repo.findTotp(db, userId))?.totp_enabled_at != null,

    /** After the password passed: a challenge the client sends back with the code. */
    async beginLogin(userId: string) {
      const challenge = newSecret();
      const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
      await repo.insertChallenge(db, {
        token_hash: hashSecret(challenge),
        user_id: userId,
        expires_at: expiresAt,
      });
      return { challenge, expiresAt };
    },

    /**
     * Checks the second step; answers the person to start a session for. A wrong code counts against the
     * challenge (committed even though the answer is an error); after MAX_CODE_ATTEMPTS it is gone.
     */
    async completeLogin(challenge: string, code: string): Promise<string> {
      const tokenHash = hashSecret(challenge);
      type Outcome =
        | { userId: string; error?: undefined }
        | { error: 'challenge_invalid' | 'totp_throttled' | 'totp_invalid' | 'recovery_code_used' };
      const outcome = await tx(async (trx): Promise<Outcome> => {
        const row = await repo.findChallengeForUpdate(trx, tokenHash);
        if (!row || row.expires_at.getTime() <= Date.now()) return { error: 'challenge_invalid' };
        if (row.failed_attempts >= MAX_CODE_ATTEMPTS) {
          await repo.deleteChallenge(trx, tokenHash);
          return { error: 'totp_throttled' };
        }
        await repo.lockUser(trx, row.user_id);
        const result = await checkCode(trx, await userOf(trx, row.user_id), code);
        if (!result.ok) {
          await repo.countChallengeFailure(trx, tokenHash);
          return { error: result.error };
        }
        await repo.deleteChallenge(trx, tokenHash);
        return { userId: row.user_id };
      });
      if (outcome.error === undefined) return outcome.userId;
      if (outcome.error === 'challenge_invalid')
        throw identityError('challenge_invalid', 'This sign-in has expired; enter your password again');
      if (outcome.error === 'totp_throttled')
        throw identityError('totp_throttled', 'Too many wrong codes; enter your password again');
      throw codeError(outcome.error);
    },

    /** Owners ask their organization's staff for two-factor sign-in (staff without it are prompted). */
    setOrgRequirement: (orgId: string, required: boolean) => repo.setOrgRequirement(db, orgId, required),
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
