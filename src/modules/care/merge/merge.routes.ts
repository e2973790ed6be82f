import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { OrgItemParams, tags } from '../care.schemas.ts';
import type { MergeService } from './merge.service.ts';

/** Merging a conversation into another of the same customer. */
export function mergeRoutes(merge: MergeService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/orgs/:handle/care/conversations/:id/merge',
      {
        schema: {
          tags,
          summary:
            'Merge this conversation into another of the same customer: its messages, notes and tags move there, and it closes pointing at it',
          params: OrgItemParams,
          body: Type.Object({ targetId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              id: Type.String(),
              mergedIntoId: Type.String(),
              mergedAt: Type.String({ format: 'date-time' }),
              movedMessages: Type.Integer(),
            }),
          },
        },
      },
      async (request) =>
        merge.merge(requireUser(request), request.params.handle, request.params.id, request.body.targetId),
    );
  };
}
