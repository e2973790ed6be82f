import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { HandleParam } from '../identity/index.ts';
import type { InboxService } from './inbox.service.ts';
import { INTENTS } from './triage/index.ts';

const tags = ['care'];
const Params = Type.Object(
  { handle: Type.String({ maxLength: 31 }), id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const Status = Type.Union([Type.Literal('open'), Type.Literal('pending'), Type.Literal('resolved')]);
const Priority = Type.Union([
  Type.Literal('low'),
  Type.Literal('normal'),
  Type.Literal('high'),
  Type.Literal('urgent'),
]);
const Conditions = Type.Object(
  {
    intents: Type.Optional(Type.Array(Type.Union(INTENTS.map((i) => Type.Literal(i))))),
    sentimentBelow: Type.Optional(Type.Number({ minimum: -1, maximum: 1 })),
    keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
    languages: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { maxItems: 20 })),
    minFollowers: Type.Optional(Type.Integer({ minimum: 0 })),
    minLifetimeValueMinor: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
const Actions = Type.Object(
  {
    queueId: Type.Optional(Type.String({ format: 'uuid' })),
    priority: Type.Optional(Priority),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 })),
    assigneeId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

/** The care inbox of a brand: conversations, replies, notes, routing. Members with an inbox role only. */
export function careRoutes(inbox: InboxService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/care/conversations',
      {
        schema: {
          tags,
          summary: 'Conversations in the inbox, newest first, with SLA state',
          params: HandleParam,
          querystring: Type.Object(
            {
              status: Type.Optional(Status),
              queueId: Type.Optional(Type.String({ format: 'uuid' })),
              mine: Type.Optional(Type.Boolean()),
              snoozed: Type.Optional(
                Type.Boolean({
                  description:
                    'true: only conversations snoozed into the future, of any status; otherwise snoozed ones are left out',
                }),
              ),
              cursor: Type.Optional(Type.String({ maxLength: 200 })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) =>
        inbox.list(requireUser(request), request.params.handle, request.query, request.query),
    );

    app.get(
      '/orgs/:handle/care/conversations/:id',
      { schema: { tags, summary: 'A conversation with its messages and the customer 360', params: Params } },
      async (request) => inbox.get(requireUser(request), request.params.handle, request.params.id),
    );

    app.patch(
      '/orgs/:handle/care/conversations/:id',
      {
        schema: {
          tags,
          summary: 'Change status, priority, tags, queue or assignee (handle, or null to unassign)',
          params: Params,
          body: Type.Object(
            {
              status: Type.Optional(Status),
              priority: Type.Optional(Priority),
              tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
              assignee: Type.Optional(Type.Union([Type.String({ maxLength: 31 }), Type.Null()])),
              queueId: Type.Optional(Type.String({ format: 'uuid' })),
              snoozedUntil: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) =>
        inbox.update(requireUser(request), request.params.handle, request.params.id, request.body),
    );

    app.post(
      '/orgs/:handle/care/conversations/:id/replies',
      {
        schema: {
          tags,
          summary: 'Reply as the brand, publicly in the thread or privately by direct message',
          params: Params,
          body: Type.Object(
            {
              text: Type.String({ minLength: 1, maxLength: 500 }),
              mode: Type.Union([Type.Literal('public'), Type.Literal('private')]),
            },
            { additionalProperties: false },
          ),
        },
        config: writeLimit(120),
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await inbox.reply(requireUser(request), request.params.handle, request.params.id, request.body),
          ),
    );

    app.post(
      '/orgs/:handle/care/conversations/:id/notes',
      {
        schema: {
          tags,
          summary: 'Add an internal note (never shown to the customer)',
          params: Params,
          body: Type.Object(
            { text: Type.String({ minLength: 1, maxLength: 2000 }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        await inbox.note(requireUser(request), request.params.handle, request.params.id, request.body.text);
        return reply.code(204).send();
      },
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
        return reply.code(204).send();
      },
    );

    app.get(
      '/orgs/:handle/care/availability',
      { schema: { tags, summary: 'Your availability for assignment in this inbox', params: HandleParam } },
      async (request) => inbox.availability(requireUser(request), request.params.handle),
    );

    app.put(
      '/orgs/:handle/care/availability',
      {
        schema: {
          tags,
          summary: 'Set yourself online or away for assignment, with your cap of open conversations',
          params: HandleParam,
          body: Type.Object(
            {
              status: Type.Union([Type.Literal('online'), Type.Literal('away')]),
              maxOpen: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        await inbox.setAvailability(requireUser(request), request.params.handle, request.body);
        return reply.code(204).send();
      },
    );

    app.get(
      '/orgs/:handle/care/queues',
      { schema: { tags, summary: 'Queues of the inbox', params: HandleParam } },
      async (request) => ({
        items: await inbox.queues(requireUser(request), request.params.handle),
      }),
    );

    app.get(
      '/orgs/:handle/care/rules',
      { schema: { tags, summary: 'Routing rules, in the order they run', params: HandleParam } },
      async (request) => ({
        items: await inbox.rules(requireUser(request), request.params.handle),
      }),
    );

    app.post(
      '/orgs/:handle/care/rules',
      {
        schema: {
          tags,
          summary: 'Add a routing rule (owners, admins)',
          params: HandleParam,
          body: Type.Object(
            { name: Type.String({ minLength: 1, maxLength: 80 }), conditions: Conditions, actions: Actions },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await inbox.addRule(requireUser(request), request.params.handle, request.body)),
    );

    app.post(
      '/orgs/:handle/care/rules/test',
      {
        schema: {
          tags,
          summary: 'Try a rule on recent messages before saving it',
          params: HandleParam,
          body: Type.Object({ conditions: Conditions, actions: Actions }, { additionalProperties: false }),
        },
      },
      async (request) => inbox.testRule(requireUser(request), request.params.handle, request.body),
    );

    app.delete(
      '/orgs/:handle/care/rules/:id',
      { schema: { tags, summary: 'Remove a routing rule', params: Params } },
      async (request, reply) => {
        await inbox.removeRule(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
