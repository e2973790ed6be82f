import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { httpError } from './http.errors.ts';

export type OrgRole = 'owner' | 'admin' | 'marketer' | 'agent' | 'sales' | 'employee' | 'partner';

/** Who is calling: a signed-in person, the orgs they belong to, and how they proved it. */
export type Principal = {
  userId: string;
  isAdmin: boolean;
  /** Set for cookie sessions: state-changing requests must echo it in the X-CSRF-Token header. */
  csrfToken: string | null;
  memberships: { orgId: string; role: OrgRole }[];
};

export type PrincipalResolver = (
  via: 'session' | 'token',
  tokenHash: string,
) => Promise<Principal | undefined>;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** How the principal proved who it is (live streams end with it). */
    credential: { via: 'session' | 'token'; tokenHash: string } | null;
  }
}

export const SESSION_COOKIE = 'souk_session';
export const CSRF_HEADER = 'x-csrf-token';
export const API_TOKEN_PREFIX = 'souk_';

/** Session cookies and API tokens are random 256-bit secrets, so a fast hash is enough to store them. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const newSecret = (prefix = '') => prefix + randomBytes(32).toString('base64url');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the caller on every request, from a bearer API token or the session cookie. Cookie-authenticated
 * writes must carry the session's CSRF token in a header (SameSite cookies plus a header a cross-site form
 * cannot set); bearer tokens are not sent by browsers on their own, so they need none.
 */
export function registerAuth(app: FastifyInstance, resolve: PrincipalResolver): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('credential', null);
  app.addHook('onRequest', async (request) => {
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      const tokenHash = hashSecret(bearer);
      const principal = await resolve('token', tokenHash);
      if (!principal) throw httpError('invalid_token', 'The API token is invalid or revoked');
      request.principal = principal;
      request.credential = { via: 'token', tokenHash };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const tokenHash = hashSecret(cookie);
    const principal = await resolve('session', tokenHash);
    if (!principal) return; // expired or logged out: treat as anonymous, the client will see 401 where it matters
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !principal.csrfToken || !sameSecret(sent, principal.csrfToken)) {
        throw httpError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header for this session`);
      }
    }
    request.principal = principal;
    request.credential = { via: 'session', tokenHash };
  });
}

/** The signed-in caller, or a 401. */
export function requireUser(request: FastifyRequest): Principal {
  if (!request.principal) throw httpError('unauthenticated', 'Sign in to do this');
  return request.principal;
}

/** Ids the caller may act or read as: themselves and every org they belong to. */
export function actorIds(principal: Principal | null): string[] {
  if (!principal) return [];
  return [principal.userId, ...principal.memberships.map((m) => m.orgId)];
}
