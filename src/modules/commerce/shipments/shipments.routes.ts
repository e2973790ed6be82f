import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { IdParam } from '../../identity/index.ts';
import type { OrdersService } from '../orders.service.ts';
import { CARRIERS } from './carriers.ts';
import type { ShipmentsService } from './shipments.service.ts';

const Carrier = Type.Union(
  [...Object.keys(CARRIERS).map((c) => Type.Literal(c as keyof typeof CARRIERS)), Type.Literal('other')],
  {
    description:
      "A known carrier (its tracking number's format is checked and linked) or 'other' (free text)",
  },
);

const ShipmentBody = Type.Object(
  {
    carrier: Carrier,
    trackingNumber: Type.String({ minLength: 1, maxLength: 60 }),
    trackingUrl: Type.Optional(
      Type.String({
        maxLength: 500,
        description: "Only for 'other': an https link to the parcel's tracking",
      }),
    ),
    items: Type.Optional(
      Type.Array(
        Type.Object(
          {
            line: Type.Integer({ minimum: 0, maximum: 1000 }),
            quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
          },
          { additionalProperties: false },
        ),
        {
          minItems: 1,
          maxItems: 50,
          description: 'Lines in this parcel; everything not yet shipped when absent',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export function shipmentRoutes(shipments: ShipmentsService, orders: OrdersService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    app.post(
      '/orders/:id/shipments',
      {
        schema: {
          tags: ['orders'],
          summary:
            'Ship a paid order, or some of its items, with carrier and tracking (the buyer is notified)',
          description:
            'The parcel that ships the last item fulfils the order. The same tracking number again is the same parcel: nothing is added.',
          params: IdParam,
          body: ShipmentBody,
          response: { 201: Type.Ref('Order') },
        },
        config: writeLimit(120),
      },
      async (request, reply) => {
        const principal = requireUser(request);
        await shipments.ship(principal, request.params.id, request.body);
        return reply.code(201).send(await orders.get(principal, request.params.id));
      },
    );
  };
}
