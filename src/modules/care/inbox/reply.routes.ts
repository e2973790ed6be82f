import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { ConversionBody, noContent, OrgItemParams, tags } from '../care.schemas.ts';
import type { InboxService } from './inbox.service.ts';
import type { ReplyService } from './reply.service.ts';

const Posted = Type.Object({ postId: Type.String({ description: 'The post the brand published' }) });

/** Answering a conversation: replies as the brand, internal notes, asking to go private, correcting intents. */
export function replyRoutes(deps: { replies: ReplyService; inbox: InboxService }) {
  const { replies, inbox } = deps;
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/orgs/:handle/care/conversations/:id/replies',
      {
        schema: {
          tags,
          summary: 'Reply as the brand, publicly in the thread or privately by direct message',
          params: OrgItemParams,
          body: Type.Object(
            {
              text: Type.String({ minLength: 1, maxLength: 500 }),
              mode: Type.Union([Type.Literal('public'), Type.Literal('private')]),
              policyOverride: Type.Optional(
                Type.String({
                  minLength: 3,
                  maxLength: 500,
                  description: 'Why the brand policy’s warnings do not apply (recorded in its audit log)',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 201: Posted },
        },
        config: writeLimit(120),
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await replies.reply(requireUser(request), request.params.handle, request.params.id, request.body),
          ),
    );

    app.post(
      '/orgs/:handle/care/conversations/:id/notes',
      {
        schema: {
          tags,
          summary: 'Add an internal note (never shown to the customer)',
          params: OrgItemParams,
          body: Type.Object(
            { text: Type.String({ minLength: 1, maxLength: 2000 }) },
            { additionalProperties: false },
          ),
          response: noContent,
        },
      },
      async (request, reply) => {
        await replies.note(requireUser(request), request.params.handle, request.params.id, request.body.text);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/orgs/:handle/care/conversations/:id/conversion-request',
      {
        schema: {
          tags,
          summary:
            'Propose in public to turn the conversation into an idea on the brand’s portal or a request for proposals asking the brand, posted in the customer’s name on their yes',
          params: OrgItemParams,
          body: ConversionBody,
          response: { 201: Posted },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await replies.requestConversion(
              requireUser(request),
              request.params.handle,
              request.params.id,
              request.body,
            ),
          ),
    );

    app.delete(
      '/orgs/:handle/care/conversations/:id/conversion-request',
      {
        schema: {
          tags,
          summary: 'Withdraw a proposal the customer has not answered yet',
          params: OrgItemParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        await replies.withdrawConversion(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/orgs/:handle/care/conversations/:id/idea-request',
      {
        schema: {
          tags,
          summary:
            'Ask the customer in public whether their idea may go on the brand’s ideas portal (conversion-request for an idea)',
          params: OrgItemParams,
          body: Type.Object(
            {
              title: Type.String({ minLength: 3, maxLength: 140 }),
              description: Type.String({ minLength: 1, maxLength: 5000 }),
              text: Type.Optional(Type.String({ minLength: 1, maxLength: 280 })),
            },
            { additionalProperties: false },
          ),
          response: { 201: Posted },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await replies.requestConversion(requireUser(request), request.params.handle, request.params.id, {
            kind: 'idea',
            ...request.body,
          }),
        ),
    );

    app.post(
      '/orgs/:handle/care/conversations/:id/private-request',
      {
        schema: {
          tags,
          summary:
            'Ask the customer in public to continue by direct message (private replies wait for their yes)',
          params: OrgItemParams,
          body: Type.Optional(
            Type.Object(
              { text: Type.Optional(Type.String({ minLength: 1, maxLength: 280 })) },
              { additionalProperties: false },
            ),
          ),
          response: { 201: Posted },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await replies.requestPrivate(
              requireUser(request),
              request.params.handle,
              request.params.id,
              request.body?.text,
            ),
          ),
    );

    app.put(
      '/orgs/:handle/care/conversations/:id/messages/:messageId/intent',
      {
        schema: {
          tags,
          summary: "Correct a message's intent (kept for retraining on the brand's data)",
          params: Type.Object({
            handle: Type.String({ maxLength: 31 }),
            id: Type.String({ format: 'uuid' }),
            messageId: Type.String({ format: 'uuid' }),
          }),
          body: Type.Object({ intent: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
          response: noContent,
        },
      },
      async (request, reply) => {
        await inbox.correctIntent(
          requireUser(request),
          request.params.handle,
          request.params.id,
          request.params.messageId,
          request.body.intent,
        );
        return reply.code(204).send(null);
      },
    );
  };
}
