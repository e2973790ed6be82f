import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { identityError } from './identity.errors.ts';
import * as repo from './identity.repo.ts';

/**
 * Sign-in throttling after OWASP's "device cookies" pattern:
 * - a browser without a device cookie for the account is limited per account and address (5 attempts in
 *   15 minutes), per address (30) and per account from everywhere (20: slower, it stops guessing spread over
 *   many addresses);
 * - a browser holding a device cookie (set on a successful sign-in) skips those, so a stranger's guesses cannot
 *   lock the owner out, and is limited by its own counter (5).
 * Every attempt is counted before the password is checked, by one atomic statement, so parallel guesses and
 * several server processes share one count; a successful sign-in takes its attempt back.
 */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
const MAX_PER_ACCOUNT_AND_ADDRESS = 5;
const MAX_PER_ADDRESS = 30;
const MAX_PER_ACCOUNT = 20;
const MAX_PER_DEVICE = 5;

export const DEVICE_COOKIE = 'souk_device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** How a sign-in is throttled: the keys counted, and which are cleared or refunded when it succeeds. */
export type LoginGate = { reset: string[]; refund: string[] };

export function createLoginThrottle(db: Db) {
  let key: Promise<string> | undefined;
  const signingKey = () => {
    key ??= repo.deviceCookieKey(db).catch((err) => {
      key = undefined;
      throw err;
    });
    return key;
  };
  const sign = async (payload: string) =>
    createHmac('sha256', await signingKey())
      .update(payload)
      .digest('base64url');

  /** The device nonce of a cookie this installation signed for `accountId`, else null. */
  async function trustedDevice(cookie: string | undefined, accountId: string | undefined) {
    const [version, account, nonce, signature] = cookie?.split('.') ?? [];
    if (version !== 'v1' || !accountId || account !== accountId || !nonce || !signature) return null;
    const expected = Buffer.from(await sign(`${account}.${nonce}`));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? nonce : null;
  }

  return {
    /**
     * Counts this attempt and throws 429 when any of its limits is passed; `accountKey` names the account
     * (or, for an unknown login, its normalised text, so both cost the same).
     */
    async enter(accountKey: string, address: string, deviceNonce: string | null): Promise<LoginGate> {
      const limits: [string, number][] = deviceNonce
        ? [[`device:${deviceNonce}`, MAX_PER_DEVICE]]
        : [
            [`${accountKey}|address:${address}`, MAX_PER_ACCOUNT_AND_ADDRESS],
            [`address:${address}`, MAX_PER_ADDRESS],
            [accountKey, MAX_PER_ACCOUNT],
          ];
      const counts = await repo.countAttempts(
        db,
        limits.map(([k]) => k),
        LOGIN_WINDOW_SECONDS,
      );
      const max = new Map(limits);
      const over = counts.filter((c) => c.attempts > max.get(c.key)!);
      if (over.length > 0) {
        const until =
          Math.max(...over.map((c) => c.window_started_at.getTime())) + LOGIN_WINDOW_SECONDS * 1000;
        const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
        throw identityError('login_throttled', 'Too many failed sign-in attempts; try again later', [], {
          'retry-after': String(retryAfter),
        });
      }
      return deviceNonce
        ? { reset: [`device:${deviceNonce}`], refund: [] }
        : { reset: [limits[0][0]], refund: [limits[1][0], limits[2][0]] };
    },

    succeeded: (gate: LoginGate) => repo.forgetAttempts(db, gate.reset, gate.refund),

    trustedDevice,

    /** A device cookie for this browser and account: kept if it already had one, else a new one. */
    async deviceCookie(accountId: string, nonce: string | null) {
      const n = nonce ?? randomBytes(18).toString('base64url');
      return `v1.${accountId}.${n}.${await sign(`${accountId}.${n}`)}`;
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
