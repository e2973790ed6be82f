import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { AccountSummary, IdParam } from '../../identity/index.ts';
import {
  ConversationStatus,
  Conversion,
  IdeaRequest,
  noContent,
  PrivateConsent,
  tags,
} from '../care.schemas.ts';
import type { CustomerCareService } from './customer.service.ts';

const MyConversation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  brand: Type.Union([AccountSummary, Type.Null()]),
  status: ConversationStatus,
  intent: Type.String({ description: 'What the conversation is about now (its current triage)' }),
  topic: Type.Union([Type.String(), Type.Null()], {
    description: 'The start of your newest message on what it is about now',
  }),
  firstMessage: Type.Union([Type.String(), Type.Null()], {
    description: 'The start of your first message in it',
  }),
  postId: Type.Union([Type.String(), Type.Null()], { description: 'The post that message came from' }),
  privateConsent: PrivateConsent,
  ideaRequest: IdeaRequest,
  conversion: Conversion,
  rating: Type.Union([Type.Integer(), Type.Null()]),
  canRate: Type.Boolean(),
  openedAt: Type.String({ format: 'date-time' }),
  messages: Type.Array(
    Type.Object({
      id: Type.String(),
      from: Type.Union([Type.Literal('you'), Type.Literal('brand')]),
      visibility: Type.String(),
      text: Type.String(),
      postId: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
    }),
    { description: 'The thread, oldest first: your messages and the brand’s replies' },
  ),
});

/** The customer's side of care: their conversations with brands, consent to go private, their rating. */
export function customerCareRoutes(customers: CustomerCareService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/me/care/conversations',
      {
        schema: {
          tags,
          summary:
            'Your cases with brands (the newest 50), with their threads; mentions that ask nothing (praise, chatter) only once the brand answered',
          response: { 200: Type.Object({ items: Type.Array(MyConversation) }) },
        },
      },
      async (request) => ({ items: await customers.mine(requireUser(request)) }),
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
        await customers.answerConsent(requireUser(request), request.params.id, request.body.accept);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/me/care/conversations/:id/conversion-consent',
      {
        schema: {
          tags,
          summary:
            'Accept or decline the brand’s proposal to post, in your name, the idea or the request for proposals it drafted from this conversation',
          params: IdParam,
          body: Type.Object({ accept: Type.Boolean() }, { additionalProperties: false }),
          response: noContent,
        },
      },
      async (request, reply) => {
        await customers.answerConversion(requireUser(request), request.params.id, request.body.accept);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/me/care/conversations/:id/idea-consent',
      {
        schema: {
          tags,
          summary:
            'Accept or decline that the brand posts your idea on its ideas portal, in your name (conversion-consent for an idea)',
          params: IdParam,
          body: Type.Object({ accept: Type.Boolean() }, { additionalProperties: false }),
          response: noContent,
        },
      },
      async (request, reply) => {
        await customers.answerConversion(
          requireUser(request),
          request.params.id,
          request.body.accept,
          'idea',
        );
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
        await customers.rate(requireUser(request), request.params.id, request.body.score);
        return reply.code(204).send(null);
      },
    );
  };
}
