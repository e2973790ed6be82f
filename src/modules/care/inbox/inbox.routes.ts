import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import {
  Conversation,
  ConversationDetail,
  ConversationStatus,
  noContent,
  OrgItemParams,
  Priority,
  tags,
} from '../care.schemas.ts';
import type { InboxService } from './inbox.service.ts';

const Availability = Type.Object({
  status: Type.Union([Type.Literal('online'), Type.Literal('away')]),
  maxOpen: Type.Integer({ description: 'Most open conversations assigned to you at once' }),
});

/** The care inbox of a brand: its conversations and your availability. Members with an inbox role only. */
export function inboxRoutes(inbox: InboxService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/care/conversations',
      {
        schema: {
          tags,
          summary: 'Conversations in the inbox with SLA state, newest first or as `sort` says',
          params: HandleParam,
          querystring: Type.Object(
            {
              status: Type.Optional(ConversationStatus),
              queueId: Type.Optional(Type.String({ format: 'uuid' })),
              mine: Type.Optional(Type.Boolean()),
              needsReview: Type.Optional(
                Type.Boolean({
                  description:
                    'true: only conversations triage was unsure of and no agent has reviewed (Needs review); false: the others',
                }),
              ),
              snoozed: Type.Optional(
                Type.Boolean({
                  description:
                    'true: only conversations snoozed into the future, of any status; otherwise snoozed ones are left out',
                }),
              ),
              sort: Type.Optional(
                Type.Union([Type.Literal('urgency'), Type.Literal('newest'), Type.Literal('oldest')], {
                  description:
                    'urgency: by SLA due time (past due first, then soonest due; no running clock last), priority breaking ties. newest (the default) or oldest: by when the conversation opened. A cursor is good only for the sort that issued it.',
                }),
              ),
              cursor: Type.Optional(Type.String({ maxLength: 200 })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(Conversation),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (request) =>
        inbox.list(requireUser(request), request.params.handle, request.query, request.query),
    );

    app.get(
      '/orgs/:handle/care/conversations/:id',
      {
        schema: {
          tags,
          summary: 'A conversation with its messages and the customer 360',
          params: OrgItemParams,
          response: { 200: ConversationDetail },
        },
      },
      async (request) => inbox.get(requireUser(request), request.params.handle, request.params.id),
    );

    app.patch(
      '/orgs/:handle/care/conversations/:id',
      {
        schema: {
          tags,
          summary:
            'Change status, priority, tags, queue, snooze or assignee (handle, or null to unassign); 400 empty_update without any',
          params: OrgItemParams,
          body: Type.Object(
            {
              status: Type.Optional(ConversationStatus),
              priority: Type.Optional(Priority),
              tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
              assignee: Type.Optional(Type.Union([Type.String({ maxLength: 31 }), Type.Null()])),
              queueId: Type.Optional(Type.String({ format: 'uuid' })),
              snoozedUntil: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
            },
            { additionalProperties: false },
          ),
          response: { 200: ConversationDetail },
        },
      },
      async (request) =>
        inbox.update(requireUser(request), request.params.handle, request.params.id, request.body),
    );

    app.get(
      '/orgs/:handle/care/availability',
      {
        schema: {
          tags,
          summary: 'Your availability for assignment in this inbox',
          params: HandleParam,
          response: { 200: Availability },
        },
      },
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
          response: noContent,
        },
      },
      async (request, reply) => {
        await inbox.setAvailability(requireUser(request), request.params.handle, request.body);
        return reply.code(204).send(null);
      },
    );
  };
}
