import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { noContent } from '../../../platform/http/responses.ts';
import { identityError } from '../identity.errors.ts';
import { HandleParam } from '../identity.schemas.ts';
import type { IdentityModule } from '../index.ts';
import { roleIn } from '../org-roles.ts';

const tags = ['identity'];
const Code = Type.String({ minLength: 6, maxLength: 40, description: 'A 6-digit code, or a recovery code' });

export function twoFactorRoutes(identity: Pick<IdentityModule, 'twoFactor' | 'orgs'>) {
  const twoFactor = identity.twoFactor;
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/me/two-factor',
      {
        schema: {
          tags,
          summary: 'Whether two-factor sign-in is on, recovery codes left, and which of your orgs ask for it',
          response: {
            200: Type.Object({
              enabled: Type.Boolean(),
              recoveryCodesLeft: Type.Integer({ minimum: 0 }),
              requiredBy: Type.Array(Type.String()),
            }),
          },
        },
      },
      async (request) => twoFactor.status(requireUser(request).userId),
    );

    app.post(
      '/me/two-factor/setup',
      {
        schema: {
          tags,
          summary:
            'Start two-factor set-up: a new secret and its QR code (not active until a code confirms it)',
          response: {
            200: Type.Object({ secret: Type.String(), otpauthUrl: Type.String(), qrCode: Type.String() }),
          },
        },
        config: writeLimit(10),
      },
      async (request) => twoFactor.startEnrolment(requireUser(request).userId),
    );

    app.post(
      '/me/two-factor/enable',
      {
        schema: {
          tags,
          summary:
            'Confirm set-up with a code from the app; answers 10 single-use recovery codes, shown only now',
          body: Type.Object({ code: Code }, { additionalProperties: false }),
          response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }) },
        },
        config: writeLimit(10),
      },
      async (request) => twoFactor.confirmEnrolment(requireUser(request).userId, request.body.code),
    );

    app.post(
      '/me/two-factor/disable',
      {
        schema: {
          tags,
          summary: 'Turn two-factor sign-in off (your password and a current code or a recovery code)',
          body: Type.Object(
            { password: Type.String({ minLength: 1, maxLength: 200 }), code: Code },
            { additionalProperties: false },
          ),
          response: noContent,
        },
        config: writeLimit(10),
      },
      async (request, reply) => {
        await twoFactor.disable(requireUser(request).userId, request.body.password, request.body.code);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/orgs/:handle/two-factor-requirement',
      {
        schema: {
          tags,
          summary:
            "Ask the organization's staff for two-factor sign-in (owners); staff without it are prompted",
          params: HandleParam,
          body: Type.Object({ required: Type.Boolean() }, { additionalProperties: false }),
          response: { 200: Type.Object({ required: Type.Boolean() }) },
        },
      },
      async (request) => {
        const principal = requireUser(request);
        const org = await identity.orgs.orgByHandle(request.params.handle);
        if (roleIn(principal, org.id) !== 'owner')
          throw identityError('role_not_allowed', 'Only an owner can ask the staff for two-factor sign-in');
        await twoFactor.setOrgRequirement(org.id, request.body.required);
        return { required: request.body.required };
      },
    );
  };
}
