import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import { noContent, OrgItemParams, Queue, tags } from '../care.schemas.ts';
import type { QueuesService } from './queues.service.ts';

const Name = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 60 }) },
  { additionalProperties: false },
);

/** Queues of the inbox: agents list them, owners and admins add, rename and remove them. */
export function queueRoutes(queues: QueuesService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/care/queues',
      {
        schema: {
          tags,
          summary: 'Queues of the inbox',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Queue) }) },
        },
      },
      async (request) => ({ items: await queues.list(requireUser(request), request.params.handle) }),
    );
    app.post(
      '/orgs/:handle/care/queues',
      {
        schema: {
          tags,
          summary: 'Add a queue (owners, admins)',
          params: HandleParam,
          body: Name,
          response: { 201: Type.Object({ id: Type.String(), name: Type.String() }) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await queues.add(requireUser(request), request.params.handle, request.body.name)),
    );
    app.patch(
      '/orgs/:handle/care/queues/:id',
      {
        schema: {
          tags,
          summary: 'Rename a queue (409 queue_name_taken when another queue has the name)',
          params: OrgItemParams,
          body: Name,
          response: noContent,
        },
      },
      async (request, reply) => {
        await queues.rename(
          requireUser(request),
          request.params.handle,
          request.params.id,
          request.body.name,
        );
        return reply.code(204).send(null);
      },
    );
    app.delete(
      '/orgs/:handle/care/queues/:id',
      {
        schema: {
          tags,
          summary: 'Remove a queue (its conversations stay, unqueued)',
          params: OrgItemParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        await queues.remove(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
