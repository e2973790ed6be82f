import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { PageQuery, pageOf } from '../../platform/http/pagination.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { noContent } from '../../platform/http/responses.ts';
import { MinorUnits, UpdateBody } from '../../platform/http/schemas.ts';
import { HandleParam, IdParam } from '../identity/index.ts';
import { commerceError } from './commerce.errors.ts';
import {
  AddressBody,
  CheckoutBody,
  IdempotencyHeaders,
  OrderStatus,
  Quote,
  QuoteBody,
} from './commerce.schemas.ts';
import type { CommerceModule } from './index.ts';

const tags = ['orders'];
const OrderRef = Type.Ref('Order');

export function orderRoutes({ checkout, orders }: CommerceModule) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/orders',
      {
        schema: {
          tags,
          summary: 'Buy: one click from a deal card, or the items of a cart (one brand per order)',
          description:
            'Requires an Idempotency-Key header: a retry with the same key returns the first order (200, Idempotent-Replayed: true) and never a second one. 201 when paid, 202 while the payment is pending (stock is held until it settles), 402 when the card is declined (no order is taken).',
          headers: IdempotencyHeaders,
          body: CheckoutBody,
          response: { 200: OrderRef, 201: OrderRef, 202: OrderRef },
        },
        config: writeLimit(120),
      },
      async (request, reply) => {
        const principal = requireUser(request);
        const { orderId, replayed, written } = await checkout.place(
          principal,
          request.body,
          request.headers['idempotency-key'],
        );
        const order = written
          ? (await orders.present([written.row], written))[0]
          : await orders.get(principal, orderId);
        if (replayed) return reply.header('idempotent-replayed', 'true').code(200).send(order);
        return reply.code(order.status === 'pending' ? 202 : 201).send(order);
      },
    );

    app.post(
      '/orders/quote',
      {
        schema: {
          tags,
          summary:
            'What an order would cost: items, discount code, shipping, tax and total (nothing is held)',
          description:
            'The same checks as placing it (a discount code, the channel guard, shipping to the country); the same body without the card. With no address, pass `country` to see shipping and tax.',
          body: QuoteBody,
          response: { 200: Quote },
        },
        config: writeLimit(300),
      },
      async (request) => checkout.quote(requireUser(request), request.body),
    );

    app.get(
      '/orders/:id',
      {
        schema: {
          tags,
          summary: 'One order (its buyer or brand staff)',
          params: IdParam,
          response: { 200: OrderRef },
        },
      },
      async (request) => orders.get(requireUser(request), request.params.id),
    );

    app.get(
      '/me/orders',
      {
        schema: {
          tags,
          summary: 'Your orders, newest first',
          querystring: PageQuery,
          response: { 200: pageOf(OrderRef) },
        },
      },
      async (request) => orders.list(requireUser(request), {}, request.query),
    );

    app.get(
      '/orgs/:handle/orders',
      {
        schema: {
          tags,
          summary: "A brand's orders (staff who may see sales)",
          params: HandleParam,
          querystring: Type.Object(
            {
              ...PageQuery.properties,
              status: Type.Optional(OrderStatus),
              dealId: Type.Optional(Type.String({ format: 'uuid' })),
            },
            { additionalProperties: false },
          ),
          response: { 200: pageOf(OrderRef) },
        },
      },
      async (request) =>
        orders.list(
          requireUser(request),
          { orgHandle: request.params.handle, status: request.query.status, dealId: request.query.dealId },
          request.query,
        ),
    );

    app.post(
      '/orders/:id/fulfil',
      {
        schema: {
          tags,
          summary: 'Mark a paid order fulfilled',
          params: IdParam,
          response: { 200: OrderRef },
        },
      },
      async (request) => {
        const principal = requireUser(request);
        await orders.fulfil(principal, request.params.id);
        return orders.get(principal, request.params.id);
      },
    );

    app.post(
      '/orders/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel an unfulfilled order (returns its stock)',
          params: IdParam,
          response: { 200: OrderRef },
        },
      },
      async (request) => {
        const principal = requireUser(request);
        await orders.cancelByUser(principal, request.params.id);
        return orders.get(principal, request.params.id);
      },
    );

    app.post(
      '/orders/:id/refund',
      {
        schema: {
          tags,
          summary: 'Refund in full (returns stock) or in part',
          params: IdParam,
          headers: IdempotencyHeaders,
          body: Type.Optional(
            Type.Object(
              { amountMinor: Type.Optional(MinorUnits({ minimum: 1 })) },
              { additionalProperties: false },
            ),
          ),
          response: { 200: OrderRef },
        },
      },
      async (request) => {
        const principal = requireUser(request);
        await orders.refund(
          principal,
          request.params.id,
          request.body?.amountMinor,
          request.headers['idempotency-key'],
        );
        return orders.get(principal, request.params.id);
      },
    );
  };
}

export function shopperRoutes({ shopper }: CommerceModule) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const Address = Type.Intersect([Type.Object({ id: Type.String() }), AddressBody]);
    const CartLine = Type.Object({
      variantId: Type.String(),
      quantity: Type.Integer(),
      product: Type.Ref('Product'),
    });

    app.get(
      '/me/addresses',
      {
        schema: {
          tags: ['addresses'],
          summary: 'Your shipping address book',
          response: { 200: Type.Object({ items: Type.Array(Address) }) },
        },
      },
      async (request) => ({
        items: await shopper.addresses(requireUser(request)),
      }),
    );
    app.post(
      '/me/addresses',
      {
        schema: {
          tags: ['addresses'],
          summary: 'Add a shipping address',
          body: AddressBody,
          response: { 201: Address },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await shopper.addAddress(requireUser(request), request.body)),
    );
    app.delete(
      '/me/addresses/:id',
      { schema: { tags: ['addresses'], summary: 'Remove an address', params: IdParam, response: noContent } },
      async (request, reply) => {
        await shopper.removeAddress(requireUser(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/me/cart',
      {
        schema: {
          tags: ['cart'],
          summary: 'Your cart',
          response: { 200: Type.Object({ items: Type.Array(CartLine) }) },
        },
      },
      async (request) => ({
        items: await shopper.cart(requireUser(request)),
      }),
    );
    app.put(
      '/me/cart/:variantId',
      {
        schema: {
          tags: ['cart'],
          summary: 'Set the quantity of a variant in your cart (0 removes it)',
          params: Type.Object({ variantId: Type.String({ format: 'uuid' }) }),
          body: Type.Object(
            { quantity: Type.Integer({ minimum: 0, maximum: 100 }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(CartLine) }) },
        },
      },
      async (request) => ({
        items: await shopper.setCartItem(
          requireUser(request),
          request.params.variantId,
          request.body.quantity,
        ),
      }),
    );

    app.get(
      '/orgs/:handle/commerce-settings',
      {
        schema: {
          tags: ['deals'],
          summary: 'Attribution window and model of a brand',
          params: HandleParam,
          response: {
            200: Type.Object({ attributionWindowDays: Type.Integer(), attributionModel: Type.String() }),
          },
        },
      },
      async (request) => shopper.settings(requireUser(request), request.params.handle),
    );

    app.put(
      '/orgs/:handle/commerce-settings',
      {
        schema: {
          tags: ['deals'],
          summary: 'Attribution window and model for a brand',
          params: HandleParam,
          body: UpdateBody({
            attributionWindowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
            attributionModel: Type.Optional(
              Type.Union([Type.Literal('last_touch'), Type.Literal('first_touch')]),
            ),
          }),
          response: {
            200: Type.Object({ attributionWindowDays: Type.Integer(), attributionModel: Type.String() }),
          },
        },
      },
      async (request) => shopper.saveSettings(requireUser(request), request.params.handle, request.body),
    );
  };
}

/** The payment provider's webhook: the raw body is kept to check its signature. */
export function paymentRoutes({ orders, payments }: CommerceModule) {
  return async (fastify: FastifyInstance) => {
    fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    fastify.post(
      '/payments/:provider/webhook',
      {
        schema: {
          tags: ['payments'],
          summary: 'Payment outcome from the provider (signed)',
          params: Type.Object({ provider: Type.String() }),
          response: noContent,
        },
      },
      async (request, reply) => {
        const { provider } = request.params as { provider: string };
        if (provider !== payments.name)
          throw commerceError('unknown_provider', `No payment provider "${provider}"`);
        const outcome = payments.verifyWebhook(
          request.headers['x-souk-signature'] as string | undefined,
          String(request.body),
        );
        if (!outcome) throw commerceError('bad_signature', 'The webhook signature does not match');
        await orders.confirm(outcome);
        return reply.code(204).send(null);
      },
    );
  };
}
