import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { AccountSummary, IdParam } from '../../identity/index.ts';
import type { IdentityLinksService } from './identity-links.service.ts';

const tags = ['care'];
const noContent = { 204: Type.Null() };
const Link = Type.Object({
  id: Type.String(),
  network: Type.String(),
  handle: Type.String(),
  url: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union(
    [Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('declined'), Type.Literal('removed')],
    { description: 'Only pending and confirmed links are listed' },
  ),
  proposedAt: Type.String({ format: 'date-time' }),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  brand: Type.Union([AccountSummary, Type.Null()]),
});

/** Identities on other networks: a brand proposes, the person confirms, declines or removes. */
export function identityLinkRoutes(links: IdentityLinksService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/orgs/:handle/care/customers/:id/identity-links',
      {
        schema: {
          tags,
          summary:
            'Propose that a customer is also this handle on another network; it shows as linked only once they confirm',
          params: Type.Object(
            { handle: Type.String({ maxLength: 31 }), id: Type.String({ format: 'uuid' }) },
            { additionalProperties: false },
          ),
          body: Type.Object(
            {
              network: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
              handle: Type.String({ minLength: 1, maxLength: 100, pattern: '^@?[^\\s@]+$' }),
              url: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: {
            201: Type.Object({
              id: Type.String(),
              network: Type.String(),
              handle: Type.String(),
              url: Type.Union([Type.String(), Type.Null()]),
              status: Type.Literal('pending'),
            }),
          },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await links.proposeAsAgent(
              requireUser(request),
              request.params.handle,
              request.params.id,
              request.body,
            ),
          ),
    );

    app.get(
      '/me/care/identity-links',
      {
        schema: {
          tags,
          summary: 'Identities on other networks that brands proposed as yours (pending) or you confirmed',
          response: { 200: Type.Object({ items: Type.Array(Link) }) },
        },
      },
      async (request) => ({ items: await links.mine(requireUser(request)) }),
    );

    app.post(
      '/me/care/identity-links/:id/confirm',
      {
        schema: {
          tags,
          summary: 'Confirm that a proposed identity is yours; only then the brand sees it as linked',
          params: IdParam,
          response: noContent,
        },
      },
      async (request, reply) => {
        await links.answer(requireUser(request), request.params.id, true);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/me/care/identity-links/:id/decline',
      {
        schema: { tags, summary: 'Decline a proposed identity', params: IdParam, response: noContent },
      },
      async (request, reply) => {
        await links.answer(requireUser(request), request.params.id, false);
        return reply.code(204).send(null);
      },
    );

    app.delete(
      '/me/care/identity-links/:id',
      {
        schema: {
          tags,
          summary: 'Remove a linked identity (or a pending proposal); the brand no longer sees it',
          params: IdParam,
          response: noContent,
        },
      },
      async (request, reply) => {
        await links.remove(requireUser(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
