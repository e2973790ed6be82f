import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { noContent } from '../../platform/http/responses.ts';
import { AccountSummary } from '../identity/index.ts';
import type { NotificationsService } from './notifications.service.ts';

const tags = ['notifications'];

const Notification = Type.Object({
  id: Type.String(),
  kind: Type.Union([
    Type.Literal('mention'),
    Type.Literal('reply'),
    Type.Literal('reshare'),
    Type.Literal('quote'),
    Type.Literal('like'),
    Type.Literal('follow'),
    Type.Literal('care_mention'),
    Type.Literal('identity_link'),
    Type.Literal('order_cancelled'),
    Type.Literal('order_fulfilled'),
    Type.Literal('order_refunded'),
    Type.Literal('order_return'),
    Type.Literal('idea_shipped'),
    Type.Literal('rfp_pitch'),
    Type.Literal('rfp_won'),
    Type.Literal('rfp_lost'),
    Type.Literal('listening_spike'),
  ]),
  actor: AccountSummary,
  recipient: AccountSummary,
  post: Type.Union([Type.Ref('Post'), Type.Null()]),
  org: Type.Union([AccountSummary, Type.Null()], {
    description: 'The brand of a care or order notification',
  }),
  subjectId: Type.Union([Type.String(), Type.Null()], {
    description:
      'care_mention: the conversation; identity_link: the proposed link; order_*: the order; idea_shipped: the idea; rfp_*: the request for proposals',
  }),
  detail: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()], {
    description:
      'identity_link: network, handle and url of the proposed identity; order_cancelled: reason (a failed payment as "payment failed: <code>"); order_refunded: amountMinor, currency and full ("true" or "false"); order_return: status, title and note (the brand’s reason); idea_shipped: title and productIds (comma-separated) to buy; rfp_*: title of the request',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});

const AsQuery = {
  as: Type.Optional(Type.String({ maxLength: 31, description: 'Handle of an org you belong to' })),
};

export function notificationRoutes(service: NotificationsService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: 'Your notifications (or an org’s), newest first',
          querystring: Type.Object(
            {
              ...AsQuery,
              cursor: Type.Optional(Type.String({ maxLength: 200 })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: pageOf(Notification) },
        },
      },
      async (request) => service.list(requireUser(request), request.query),
    );

    app.get(
      '/notifications/unread-count',
      {
        schema: {
          tags,
          summary: 'Unread notifications for you and each org you belong to',
          response: {
            200: Type.Object({
              total: Type.Integer(),
              byAccount: Type.Array(Type.Object({ account: AccountSummary, unread: Type.Integer() })),
            }),
          },
        },
      },
      async (request) => service.unreadCount(requireUser(request)),
    );

    app.post(
      '/notifications/read',
      {
        schema: {
          tags,
          summary: 'Mark all as read',
          body: Type.Optional(Type.Object(AsQuery, { additionalProperties: false })),
          response: noContent,
        },
      },
      async (request, reply) => {
        await service.markRead(requireUser(request), request.body?.as);
        return reply.code(204).send(null);
      },
    );
  };
}
