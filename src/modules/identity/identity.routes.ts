import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import { requireUser, SESSION_COOKIE } from '../../platform/http/auth.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { noContent } from '../../platform/http/responses.ts';
import { iso, presentAccount, presentSummary } from './identity.present.ts';
import {
  ApiToken,
  IdParam,
  LoginBody,
  Me,
  ProfilePatch,
  SignupBody,
  TwoFactorChallenge,
  TwoFactorLoginBody,
} from './identity.schemas.ts';
import { SESSION_TTL_SECONDS, type Session } from './identity.service.ts';
import type { IdentityModule } from './index.ts';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS } from './login-throttle.ts';

const tags = ['identity'];

export function identityRoutes(identity: IdentityModule, options: { secureCookies: boolean }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    // Secure when configured, or when the request came over HTTPS (directly or through a trusted proxy).
    const secure = (reply: FastifyReply) => options.secureCookies || reply.request.protocol === 'https';
    const setSession = (reply: FastifyReply, session: Session) =>
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(reply),
        path: '/',
        maxAge: SESSION_TTL_SECONDS,
      });

    async function meOf(userId: string, csrfToken: string | null) {
      const me = await identity.service.me(userId);
      const twoFactor = await identity.twoFactor.status(userId);
      const principal = await identity.service.resolvePrincipalForUser(userId);
      const orgs = await identity.service.accountsByIds(principal.memberships.map((m) => m.orgId));
      const byId = new Map(orgs.map((o) => [o.id, o]));
      return {
        account: presentAccount(me.account),
        email: me.email,
        emailVerified: me.emailVerified,
        twoFactorEnabled: twoFactor.enabled,
        twoFactorRequiredBy: twoFactor.requiredBy,
        isAdmin: me.isAdmin,
        memberships: principal.memberships
          .filter((m) => byId.has(m.orgId))
          .map((m) => ({ org: presentSummary(byId.get(m.orgId)!), role: m.role })),
        csrfToken,
      };
    }

    app.post(
      '/auth/signup',
      {
        schema: { tags, summary: 'Create an account and sign in', body: SignupBody, response: { 201: Me } },
        config: writeLimit(10),
      },
      async (request, reply) => {
        const session = await identity.service.signup(request.body, request.headers['user-agent']);
        setSession(reply, session);
        return reply.code(201).send(await meOf(session.userId, session.csrfToken));
      },
    );

    app.post(
      '/auth/login',
      {
        schema: {
          tags,
          summary:
            'Sign in with email or handle; with two-factor on, 202 and a challenge for the second step',
          body: LoginBody,
          response: { 200: Me, 202: TwoFactorChallenge },
        },
        config: writeLimit(20),
      },
      async (request, reply) => {
        const outcome = await identity.service.login(
          request.body.login,
          request.body.password,
          request.ip,
          request.cookies[DEVICE_COOKIE],
          request.headers['user-agent'],
        );
        // OWASP device cookie: this browser signed in before, so a stranger's guesses do not lock it out.
        reply.setCookie(DEVICE_COOKIE, outcome.deviceCookie, {
          httpOnly: true,
          sameSite: 'strict',
          secure: secure(reply),
          path: '/api/v1/auth',
          maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
        });
        if (outcome.step === 'two_factor')
          return reply.code(202).send({
            twoFactorRequired: true,
            challenge: outcome.challenge,
            expiresAt: iso(outcome.expiresAt),
          });
        setSession(reply, outcome);
        return meOf(outcome.userId, outcome.csrfToken);
      },
    );

    app.post(
      '/auth/login/two-factor',
      {
        schema: {
          tags,
          summary:
            'Second sign-in step: the challenge from /auth/login and a code from the app or a recovery code',
          body: TwoFactorLoginBody,
          response: { 200: Me },
        },
        config: writeLimit(20),
      },
      async (request, reply) => {
        const userId = await identity.twoFactor.completeLogin(request.body.challenge, request.body.code);
        const session = await identity.service.startSession(userId, request.headers['user-agent']);
        setSession(reply, session);
        return meOf(session.userId, session.csrfToken);
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags, summary: 'Sign out of this session', response: noContent } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await identity.service.logout(token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/me',
      { schema: { tags, summary: 'The signed-in user', response: { 200: Me } } },
      async (request) => {
        const principal = requireUser(request);
        return meOf(principal.userId, principal.csrfToken);
      },
    );

    app.patch(
      '/me/profile',
      { schema: { tags, summary: 'Edit your profile', body: ProfilePatch, response: { 200: Me } } },
      async (request) => {
        const principal = requireUser(request);
        await identity.service.updateProfile(principal.userId, request.body);
        return meOf(principal.userId, principal.csrfToken);
      },
    );

    const presentToken = (t: {
      id: string;
      name: string;
      prefix: string;
      created_at: Date;
      last_used_at: Date | null;
    }) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      createdAt: iso(t.created_at),
      lastUsedAt: t.last_used_at ? iso(t.last_used_at) : null,
    });

    app.get(
      '/me/tokens',
      {
        schema: {
          tags,
          summary: 'Your API tokens',
          response: { 200: Type.Object({ items: Type.Array(ApiToken) }) },
        },
      },
      async (request) => {
        const tokens = await identity.service.listApiTokens(requireUser(request).userId);
        return { items: tokens.map(presentToken) };
      },
    );

    app.post(
      '/me/tokens',
      {
        schema: {
          tags,
          summary: 'Create a personal API token (shown once)',
          body: Type.Object(
            { name: Type.String({ minLength: 1, maxLength: 60 }) },
            { additionalProperties: false },
          ),
          response: { 201: Type.Intersect([ApiToken, Type.Object({ token: Type.String() })]) },
        },
      },
      async (request, reply) => {
        const created = await identity.service.createApiToken(requireUser(request).userId, request.body.name);
        return reply.code(201).send({ ...presentToken(created), token: created.token });
      },
    );

    app.delete(
      '/me/tokens/:id',
      { schema: { tags, summary: 'Revoke an API token', params: IdParam, response: noContent } },
      async (request, reply) => {
        await identity.service.revokeApiToken(requireUser(request).userId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
