import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { Count, MinorUnits } from '../../../platform/http/schemas.ts';
import { HandleParam } from '../../identity/index.ts';
import type { DiscountsService } from './discounts.service.ts';

const tags = ['discounts'];
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });

const DiscountCodeBody = Type.Object(
  {
    code: Type.String({
      minLength: 3,
      maxLength: 32,
      description: 'What buyers type, any case (stored upper case): letters, digits, - and _',
    }),
    kind: Type.Union([Type.Literal('percent'), Type.Literal('amount')]),
    percentOff: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    amountMinor: Type.Optional(MinorUnits({ minimum: 1, description: 'A fixed amount off the order' })),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code of the brand’s prices' }),
    minOrderMinor: Type.Optional(MinorUnits({ description: 'The items must cost at least this much' })),
    startsAt: Type.Optional(DateTime),
    endsAt: Type.Optional(DateTime),
    usageLimit: Type.Optional(Count({ minimum: 1, maximum: 1_000_000, description: 'Orders in total' })),
    perCustomerLimit: Type.Optional(Count({ minimum: 1, maximum: 1000, description: 'Orders per buyer' })),
    productIds: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 200,
        description: 'Only these products are discounted (all when absent)',
      }),
    ),
    dealIds: Type.Optional(
      Type.Array(Uuid, { maxItems: 50, description: 'Only valid on these deals (anywhere when absent)' }),
    ),
  },
  { additionalProperties: false },
);

export const DiscountCode = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    kind: Type.Union([Type.Literal('percent'), Type.Literal('amount')]),
    percentOff: Type.Union([Type.Integer(), Type.Null()]),
    amountMinor: Type.Union([Type.Integer(), Type.Null()]),
    currency: Type.String(),
    minOrderMinor: Type.Union([Type.Integer(), Type.Null()]),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    usageLimit: Type.Union([Type.Integer(), Type.Null()]),
    perCustomerLimit: Type.Union([Type.Integer(), Type.Null()]),
    productIds: Type.Array(Type.String()),
    dealIds: Type.Array(Type.String()),
    used: Type.Integer({ description: 'Orders holding the code (paid, or pending payment)' }),
    state: Type.Union(['active', 'scheduled', 'expired', 'used_up', 'disabled'].map((s) => Type.Literal(s))),
    summary: Type.String({ description: 'e.g. "10% off" or "€5.00 off"' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'DiscountCode' },
);

const Ref = Type.Ref('DiscountCode');

export function discountRoutes(discounts: DiscountsService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    app.post(
      '/orgs/:handle/discount-codes',
      {
        schema: {
          tags,
          summary: 'Create a discount code (percent or fixed amount, limits, window, products or deals)',
          params: HandleParam,
          body: DiscountCodeBody,
          response: { 201: Ref },
        },
        config: writeLimit(60),
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await discounts.create(requireUser(request), request.params.handle, request.body)),
    );
    app.get(
      '/orgs/:handle/discount-codes',
      {
        schema: {
          tags,
          summary: "A brand's discount codes, newest first, with their use and state",
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Ref) }) },
        },
      },
      async (request) => discounts.list(requireUser(request), request.params.handle),
    );
    app.post(
      '/orgs/:handle/discount-codes/:id/disable',
      {
        schema: {
          tags,
          summary: 'Disable a code for good (orders already holding it keep their discount)',
          params: Type.Object({ handle: HandleParam.properties.handle, id: Uuid }),
          response: { 200: Ref },
        },
        config: writeLimit(60),
      },
      async (request) => discounts.disable(requireUser(request), request.params.handle, request.params.id),
    );
  };
}
