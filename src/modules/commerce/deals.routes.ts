import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { noContent } from '../../platform/http/responses.ts';
import { HandleParam, IdParam } from '../identity/index.ts';
import { DealBody } from './commerce.schemas.ts';
import type { CommerceModule } from './index.ts';

const tags = ['deals'];
const DealRef = Type.Ref('DealCard');

const Report = Type.Object({
  dealId: Type.Union([Type.String(), Type.Null()]),
  impressions: Type.Integer({ description: 'Times a deal card was shown in a feed' }),
  clicks: Type.Integer({ description: 'Presses of Buy on a deal card, signed in or not' }),
  orders: Type.Integer({ description: 'Orders placed and not cancelled, from deals and from the shop' }),
  ordersAfterClick: Type.Integer({
    description: 'Orders whose buyer had pressed Buy on the same deal, signed in, before ordering',
  }),
  ordersWithoutClick: Type.Integer({
    description: 'Orders with no recorded click before them (shop, cart, a link, an anonymous click)',
  }),
  clicksConverted: Type.Integer({ description: 'Clicks that the same person followed with an order' }),
  units: Type.Integer({ description: 'Items in the orders counted' }),
  revenueMinor: Type.Integer({ description: 'Paid, less refunds; cancelled orders count nothing' }),
  currency: Type.Union([Type.String(), Type.Null()], {
    description: 'Currency of the revenue figures (null before the first order)',
  }),
  conversionRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description:
      'clicksConverted ÷ clicks: the share of clicks on Buy followed by an order (null without clicks)',
  }),
  revenueByDay: Type.Array(
    Type.Object({ day: Type.String(), revenueMinor: Type.Integer(), orders: Type.Integer() }),
  ),
  revenueBySource: Type.Array(
    Type.Object({
      kind: Type.String({
        description:
          "'post' (the brand's own deal post), 'reshare' (credited to the last resharer), 'referral' or 'direct'",
      }),
      account: Type.Union([
        Type.Object({ handle: Type.String(), name: Type.String() }, { additionalProperties: true }),
        Type.Null(),
      ]),
      orders: Type.Integer(),
      revenueMinor: Type.Integer(),
    }),
  ),
});

export function dealRoutes({ deals, dashboard }: CommerceModule) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/orgs/:handle/deals',
      {
        schema: {
          tags,
          summary:
            "Publish a deal to the brand's feed (refused by the channel guard if it undercuts resellers)",
          params: HandleParam,
          body: DealBody,
          response: { 201: DealRef },
        },
        config: writeLimit(30),
      },
      async (request, reply) =>
        reply.code(201).send(await deals.publish(requireUser(request), request.params.handle, request.body)),
    );

    app.get(
      '/orgs/:handle/deals',
      {
        schema: {
          tags,
          summary: "A brand's deals, newest first",
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(DealRef) }) },
        },
      },
      async (request) => ({
        items: await deals.listForOrg(request.params.handle, request.principal),
      }),
    );

    app.get(
      '/deals/:id',
      { schema: { tags, summary: 'A deal card', params: IdParam, response: { 200: DealRef } } },
      async (request) => deals.card(request.params.id, request.principal),
    );

    app.get(
      '/deals',
      {
        schema: {
          tags,
          summary: 'Deal cards for the deal posts in a feed (counted as impressions)',
          querystring: Type.Object(
            {
              ids: Type.String({
                pattern: '^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,49}$',
                description: 'Comma-separated deal ids, at most 50',
              }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(DealRef) }) },
        },
      },
      async (request) => ({
        items: await deals.impressions(request.query.ids.split(','), request.principal),
      }),
    );

    app.post(
      '/deals/:id/click',
      { schema: { tags, summary: 'Count a click on Buy', params: IdParam, response: noContent } },
      async (request, reply) => {
        await deals.click(request.params.id, request.principal);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/orgs/:handle/sales',
      {
        schema: {
          tags,
          summary: 'Sales report for the whole deal feed',
          params: HandleParam,
          response: { 200: Report },
        },
      },
      async (request) => dashboard.report(requireUser(request), request.params.handle, null),
    );

    app.get(
      '/orgs/:handle/deals/:id/sales',
      {
        schema: {
          tags,
          summary: 'Sales report for one deal',
          params: Type.Object({
            handle: Type.String({ maxLength: 31 }),
            id: Type.String({ format: 'uuid' }),
          }),
          response: { 200: Report },
        },
      },
      async (request) => dashboard.report(requireUser(request), request.params.handle, request.params.id),
    );
  };
}
