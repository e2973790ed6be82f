import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { AccountSummary, HandleParam, IdParam } from '../identity/index.ts';
import type { WorkflowService } from './workflow.service.ts';

const tags = ['care'];
const OrgItem = Type.Object(
  { handle: Type.String({ maxLength: 31 }), id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const Name = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 60 }) },
  { additionalProperties: false },
);
const noContent = { 204: Type.Null() };
const MyConversation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  brand: Type.Union([AccountSummary, Type.Null()]),
  status: Type.Union([Type.Literal('open'), Type.Literal('pending'), Type.Literal('resolved')]),
  firstMessage: Type.Union([Type.String(), Type.Null()], {
    description: 'The start of your first message in it',
  }),
  postId: Type.Union([Type.String(), Type.Null()], { description: 'The post that message came from' }),
  privateConsent: Type.Union(
    [Type.Literal('none'), Type.Literal('requested'), Type.Literal('granted'), Type.Literal('declined')],
    { description: 'requested: the brand asks to continue by direct message and waits for your answer' },
  ),
  rating: Type.Union([Type.Integer(), Type.Null()]),
  canRate: Type.Boolean(),
  openedAt: Type.String({ format: 'date-time' }),
});

export function workflowRoutes(workflow: WorkflowService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/care/canned-replies',
      { schema: { tags, summary: 'Canned replies of the inbox', params: HandleParam } },
      async (request) => ({
        items: await workflow.canned(requireUser(request), request.params.handle),
      }),
    );
    app.post(
      '/orgs/:handle/care/canned-replies',
      {
        schema: {
          tags,
          summary:
            'Add a canned reply; {first_name}, {name}, {handle}, {brand} and {order_id} are filled per conversation',
          params: HandleParam,
          body: Type.Object(
            {
              title: Type.String({ minLength: 1, maxLength: 80 }),
              body: Type.String({ minLength: 1, maxLength: 500 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await workflow.addCanned(requireUser(request), request.params.handle, request.body)),
    );
    app.delete(
      '/orgs/:handle/care/canned-replies/:id',
      { schema: { tags, summary: 'Remove a canned reply', params: OrgItem, response: noContent } },
      async (request, reply) => {
        await workflow.removeCanned(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/orgs/:handle/care/conversations/:id/canned-replies/:cannedId',
      {
        schema: {
          tags,
          summary: 'A canned reply filled in for this conversation',
          params: Type.Object({
            handle: Type.String({ maxLength: 31 }),
            id: Type.String({ format: 'uuid' }),
            cannedId: Type.String({ format: 'uuid' }),
          }),
        },
      },
      async (request) =>
        workflow.renderCanned(
          requireUser(request),
          request.params.handle,
          request.params.id,
          request.params.cannedId,
        ),
    );

    app.post(
      '/orgs/:handle/care/queues',
      { schema: { tags, summary: 'Add a queue (owners, admins)', params: HandleParam, body: Name } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await workflow.addQueue(requireUser(request), request.params.handle, request.body.name)),
    );
    app.patch(
      '/orgs/:handle/care/queues/:id',
      { schema: { tags, summary: 'Rename a queue', params: OrgItem, body: Name, response: noContent } },
      async (request, reply) => {
        await workflow.renameQueue(
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
          params: OrgItem,
          response: noContent,
        },
      },
      async (request, reply) => {
        await workflow.removeQueue(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/orgs/:handle/care/conversations/:id/private-request',
      {
        schema: {
          tags,
          summary:
            'Ask the customer in public to continue by direct message (private replies wait for their yes)',
          params: OrgItem,
          body: Type.Optional(
            Type.Object(
              { text: Type.Optional(Type.String({ minLength: 1, maxLength: 280 })) },
              { additionalProperties: false },
            ),
          ),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await workflow.requestPrivate(
              requireUser(request),
              request.params.handle,
              request.params.id,
              request.body?.text,
            ),
          ),
    );

    app.get(
      '/orgs/:handle/care/reports',
      {
        schema: {
          tags,
          summary:
            'First-response and resolution times (median, p90; wall-clock and business minutes), SLA breaches and CSAT by queue, agent or week',
          params: HandleParam,
          querystring: Type.Object(
            {
              by: Type.Optional(
                Type.Union([Type.Literal('queue'), Type.Literal('agent'), Type.Literal('week')]),
              ),
              days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) =>
        workflow.report(
          requireUser(request),
          request.params.handle,
          request.query.by ?? 'queue',
          request.query.days ?? 28,
        ),
    );

    // The customer's side of care.
    app.get(
      '/me/care/conversations',
      {
        schema: {
          tags,
          summary: 'Your conversations with brands (the newest 50)',
          response: { 200: Type.Object({ items: Type.Array(MyConversation) }) },
        },
      },
      async (request) => ({ items: await workflow.mine(requireUser(request)) }),
    );
    app.post(
      '/me/care/conversations/:id/consent',
      {
        schema: {
          tags,
          summary: 'Accept or decline continuing a conversation by direct message',
          params: IdParam,
          body: Type.Object({ accept: Type.Boolean() }, { additionalProperties: false }),
          response: noContent,
        },
      },
      async (request, reply) => {
        await workflow.answerConsent(requireUser(request), request.params.id, request.body.accept);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/me/care/conversations/:id/rating',
      {
        schema: {
          tags,
          summary: 'Rate a resolved conversation, once (1–5)',
          params: IdParam,
          body: Type.Object(
            { score: Type.Integer({ minimum: 1, maximum: 5 }) },
            { additionalProperties: false },
          ),
          response: noContent,
        },
      },
      async (request, reply) => {
        await workflow.rate(requireUser(request), request.params.id, request.body.score);
        return reply.code(204).send(null);
      },
    );
  };
}
