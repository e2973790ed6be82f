import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { HandleParam, IdParam } from '../../identity/index.ts';
import { IdempotencyHeaders } from '../commerce.schemas.ts';
import { RETURN_REASONS, type ReturnsService } from './returns.service.ts';

const tags = ['returns'];
export const ReturnStatusSchema = Type.Union(
  ['requested', 'approved', 'rejected', 'received', 'refunded'].map((s) => Type.Literal(s)),
);
export const ReturnReasonSchema = Type.Union(RETURN_REASONS.map((r) => Type.Literal(r)));

export const OrderReturn = Type.Object(
  {
    id: Type.String(),
    orderId: Type.String(),
    line: Type.Integer(),
    title: Type.String(),
    quantity: Type.Integer(),
    reason: ReturnReasonSchema,
    note: Type.String({ description: "The buyer's words" }),
    status: ReturnStatusSchema,
    decisionNote: Type.Union([Type.String(), Type.Null()], { description: "The brand's reason" }),
    refundMinor: Type.Union([Type.Integer(), Type.Null()], { description: 'Set once refunded' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'OrderReturn' },
);
const Ref = Type.Ref('OrderReturn');
const Note = Type.String({ minLength: 1, maxLength: 1000 });

export function returnRoutes(returns: ReturnsService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    app.post(
      '/orders/:id/returns',
      {
        schema: {
          tags,
          summary: 'Ask to return a delivered item of your order, with a reason (within the brand’s window)',
          params: IdParam,
          body: Type.Object(
            {
              line: Type.Integer({ minimum: 0, maximum: 1000, description: 'The order line' }),
              quantity: Type.Optional(
                Type.Integer({ minimum: 1, maximum: 1000, description: 'All of the line when absent' }),
              ),
              reason: ReturnReasonSchema,
              note: Type.Optional(Type.String({ maxLength: 1000 })),
            },
            { additionalProperties: false },
          ),
          response: { 201: Ref },
        },
        config: writeLimit(30),
      },
      async (request, reply) =>
        reply.code(201).send(await returns.request(requireUser(request), request.params.id, request.body)),
    );
    app.get(
      '/orgs/:handle/returns',
      {
        schema: {
          tags,
          summary: "A brand's returns, newest first",
          params: HandleParam,
          querystring: Type.Object(
            { status: Type.Optional(ReturnStatusSchema) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(Ref) }) },
        },
      },
      async (request) =>
        returns.listForBrand(
          requireUser(request),
          request.params.handle,
          request.query.status as Parameters<ReturnsService['listForBrand']>[2],
        ),
    );
    app.post(
      '/returns/:id/approve',
      {
        schema: {
          tags,
          summary: 'Approve a return (the buyer is told to send it back)',
          params: IdParam,
          body: Type.Optional(Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false })),
          response: { 200: Ref },
        },
        config: writeLimit(60),
      },
      async (request) => returns.approve(requireUser(request), request.params.id, request.body?.note),
    );
    app.post(
      '/returns/:id/reject',
      {
        schema: {
          tags,
          summary: 'Reject a return with a reason the buyer sees',
          params: IdParam,
          body: Type.Object({ note: Note }, { additionalProperties: false }),
          response: { 200: Ref },
        },
        config: writeLimit(60),
      },
      async (request) => returns.reject(requireUser(request), request.params.id, request.body.note),
    );
    app.post(
      '/returns/:id/receive',
      {
        schema: {
          tags,
          summary: 'Mark the returned item received: refunds it once through the order and restocks it',
          params: IdParam,
          headers: IdempotencyHeaders,
          response: { 200: Ref },
        },
        config: writeLimit(60),
      },
      async (request) => returns.receive(requireUser(request), request.params.id),
    );
  };
}
