import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { noContent } from '../../../platform/http/responses.ts';
import { IdParam } from '../identity.schemas.ts';
import type { IdentityModule } from '../index.ts';
import {
  Accepted,
  ChangeEmailBody,
  ChangePasswordBody,
  EmailVerified,
  ResetBody,
  ResetRequestBody,
  SessionItem,
  SessionsEnded,
  TokenBody,
} from './account-security.schemas.ts';

const tags = ['identity'];

/** The session this request came with (its hash), to keep it when ending the others. */
const currentSession = (request: FastifyRequest) =>
  request.credential?.via === 'session' ? request.credential.tokenHash : undefined;

export function accountSecurityRoutes(identity: Pick<IdentityModule, 'security'>) {
  const security = identity.security;
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/me/password',
      {
        schema: {
          tags,
          summary: 'Change your password (needs the current one); your other sessions are signed out',
          body: ChangePasswordBody,
          response: { 200: SessionsEnded },
        },
        config: writeLimit(10),
      },
      async (request) => {
        const { userId } = requireUser(request);
        const { currentPassword, newPassword } = request.body;
        return security.changePassword(userId, currentSession(request), currentPassword, newPassword);
      },
    );

    app.post(
      '/me/email',
      {
        schema: {
          tags,
          summary:
            'Change your email: a link goes to the new address, a notice to the old; it changes on confirm',
          body: ChangeEmailBody,
          response: { 202: Accepted },
        },
        config: writeLimit(10),
      },
      async (request, reply) => {
        await security.requestEmailChange(
          requireUser(request).userId,
          request.body.email,
          request.body.password,
        );
        return reply.code(202).send({ message: `We sent a confirmation link to ${request.body.email}` });
      },
    );

    app.post(
      '/me/email/verification',
      {
        schema: { tags, summary: 'Send the verification mail again', response: { 202: Accepted } },
        config: writeLimit(5),
      },
      async (request, reply) => {
        await security.resendVerification(requireUser(request).userId);
        return reply.code(202).send({ message: 'We sent a new verification link' });
      },
    );

    app.post(
      '/auth/verify-email',
      {
        schema: {
          tags,
          summary: 'Confirm an email address with the token from the mailed link (no sign-in needed)',
          body: TokenBody,
          response: { 200: EmailVerified },
        },
        config: writeLimit(20),
      },
      async (request) => security.verifyEmail(request.body.token),
    );

    app.post(
      '/auth/password-reset',
      {
        schema: {
          tags,
          summary:
            'Ask for a password-reset link; the answer is the same whether or not the address has an account',
          body: ResetRequestBody,
          response: { 202: Accepted },
        },
        config: writeLimit(5),
      },
      async (request, reply) => {
        await security.requestPasswordReset(request.body.email);
        return reply.code(202).send({
          message: 'If an account uses this address, a reset link is on its way; it works for one hour',
        });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        schema: {
          tags,
          summary: 'Set a new password with the token from the reset mail; every session is signed out',
          body: ResetBody,
          response: noContent,
        },
        config: writeLimit(10),
      },
      async (request, reply) => {
        await security.resetPassword(request.body.token, request.body.password);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/me/sessions',
      {
        schema: {
          tags,
          summary: 'Your signed-in sessions, newest first',
          response: { 200: Type.Object({ items: Type.Array(SessionItem) }) },
        },
      },
      async (request) => ({
        items: await security.listSessions(requireUser(request).userId, currentSession(request)),
      }),
    );

    app.post(
      '/me/sessions/sign-out-others',
      {
        schema: { tags, summary: 'Sign out of every session but this one', response: { 200: SessionsEnded } },
      },
      async (request) => security.endOtherSessions(requireUser(request).userId, currentSession(request)),
    );

    app.delete(
      '/me/sessions/:id',
      { schema: { tags, summary: 'Sign out one session', params: IdParam, response: noContent } },
      async (request, reply) => {
        await security.endSession(requireUser(request).userId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
