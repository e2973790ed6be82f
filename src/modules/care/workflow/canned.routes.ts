import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { UpdateBody } from '../../../platform/http/schemas.ts';
import { HandleParam } from '../../identity/index.ts';
import { noContent, OrgItemParams, tags } from '../care.schemas.ts';
import type { CannedService } from './canned.service.ts';

const Canned = Type.Object({ id: Type.String(), title: Type.String(), body: Type.String() });

/** Canned replies of the inbox: owners and admins write them, agents fill them in for a conversation. */
export function cannedRoutes(canned: CannedService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/care/canned-replies',
      {
        schema: {
          tags,
          summary: 'Canned replies of the inbox',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Canned) }) },
        },
      },
      async (request) => ({ items: await canned.list(requireUser(request), request.params.handle) }),
    );
    app.post(
      '/orgs/:handle/care/canned-replies',
      {
        schema: {
          tags,
          summary:
            'Add a canned reply; {first_name}, {name}, {handle}, {brand}, {order_id} and {order_ref} are filled per conversation (order ones in private messages only)',
          params: HandleParam,
          body: Type.Object(
            {
              title: Type.String({ minLength: 1, maxLength: 80 }),
              body: Type.String({ minLength: 1, maxLength: 500 }),
            },
            { additionalProperties: false },
          ),
          response: { 201: Canned },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await canned.add(requireUser(request), request.params.handle, request.body)),
    );
    app.patch(
      '/orgs/:handle/care/canned-replies/:id',
      {
        schema: {
          tags,
          summary: 'Edit a canned reply’s title or body (owners, admins); 400 empty_update without either',
          params: OrgItemParams,
          body: UpdateBody({
            title: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
            body: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
          }),
          response: { 200: Canned },
        },
      },
      async (request) =>
        canned.update(requireUser(request), request.params.handle, request.params.id, request.body),
    );
    app.delete(
      '/orgs/:handle/care/canned-replies/:id',
      { schema: { tags, summary: 'Remove a canned reply', params: OrgItemParams, response: noContent } },
      async (request, reply) => {
        await canned.remove(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/orgs/:handle/care/conversations/:id/canned-replies/:cannedId',
      {
        schema: {
          tags,
          summary:
            'A canned reply filled in for this conversation; for mode=public, 422 order_in_public_reply when it uses order details',
          params: Type.Object({
            handle: Type.String({ maxLength: 31 }),
            id: Type.String({ format: 'uuid' }),
            cannedId: Type.String({ format: 'uuid' }),
          }),
          querystring: Type.Object(
            {
              mode: Type.Optional(
                Type.Union([Type.Literal('public'), Type.Literal('private')], {
                  description: 'How the reply will be sent: order details fill in only for a private message',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ text: Type.String() }) },
        },
      },
      async (request) =>
        canned.render(
          requireUser(request),
          request.params.handle,
          request.params.id,
          request.params.cannedId,
          request.query.mode,
        ),
    );
  };
}
