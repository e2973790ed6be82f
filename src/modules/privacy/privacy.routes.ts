import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../platform/http/auth.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { noContent } from '../../platform/http/responses.ts';
import { DataExport, DeleteAccountBody } from './privacy.schemas.ts';
import type { PrivacyService } from './privacy.service.ts';

const tags = ['identity'];

export function privacyRoutes(privacy: PrivacyService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/me/export',
      {
        schema: {
          tags,
          summary: 'Download your data as one JSON file: profile, posts, follows, orders, notifications',
          response: { 200: DataExport },
        },
        config: writeLimit(10),
      },
      async (request, reply) => {
        const { userId } = requireUser(request);
        const data = await privacy.exportData(userId);
        const day = data.exportedAt.slice(0, 10);
        return reply.header('content-disposition', `attachment; filename="souk-data-${day}.json"`).send(data);
      },
    );

    app.post(
      '/me/delete-account',
      {
        schema: {
          tags,
          summary:
            'Close your account (password needed): sign-in ends, the profile is anonymised and the handle freed; posts kept as "Deleted account" or removed; orders kept for the brands’ records',
          body: DeleteAccountBody,
          response: noContent,
        },
        config: writeLimit(5),
      },
      async (request, reply) => {
        const { userId } = requireUser(request);
        await privacy.deleteAccount(userId, request.body.password, { posts: request.body.posts });
        return reply.code(204).send(null);
      },
    );
  };
}
