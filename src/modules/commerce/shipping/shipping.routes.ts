import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { MinorUnits, UpdateBody } from '../../../platform/http/schemas.ts';
import { HandleParam } from '../../identity/index.ts';
import type { ShippingService } from './shipping.service.ts';

const tags = ['shipping'];
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code' });
const Countries = Type.Array(Country, { minItems: 1, maxItems: 250 });
const ZoneParams = Type.Object({
  handle: HandleParam.properties.handle,
  id: Type.String({ format: 'uuid' }),
});
const ZoneName = Type.String({ minLength: 1, maxLength: 60 });
const FreeOver = Type.Union([MinorUnits(), Type.Null()], {
  description: 'Shipping is free once the items (after discount) cost at least this much',
});

export const ShippingRules = Type.Object(
  {
    zones: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        countries: Type.Array(Type.String()),
        rateMinor: Type.Integer({ description: 'Flat rate per order' }),
        freeOverMinor: Type.Union([Type.Integer(), Type.Null()]),
        currency: Type.String(),
      }),
      { description: 'Where the brand ships; with no zone at all it ships everywhere at no charge' },
    ),
    taxRates: Type.Array(
      Type.Object({
        country: Type.String(),
        rateBp: Type.Integer({ description: 'Basis points: 2000 = 20%' }),
      }),
    ),
    pricesIncludeTax: Type.Boolean({ description: 'Prices shown include the tax (VAT-style)' }),
    returnWindowDays: Type.Integer({ description: 'Days after the order a buyer may ask to return it' }),
  },
  { $id: 'ShippingRules' },
);
const Rules = Type.Ref('ShippingRules');

export function shippingRoutes(shipping: ShippingService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/orgs/:handle/shipping',
      {
        schema: {
          tags,
          summary: "A brand's shipping zones, tax rates per country and return window",
          params: HandleParam,
          response: { 200: Rules },
        },
      },
      async (request) => shipping.get(requireUser(request), request.params.handle),
    );
    app.post(
      '/orgs/:handle/shipping/zones',
      {
        schema: {
          tags,
          summary:
            'Add a shipping zone: countries (each in one zone only), a flat rate, a free-over threshold',
          params: HandleParam,
          body: Type.Object(
            {
              name: ZoneName,
              countries: Countries,
              rateMinor: MinorUnits(),
              freeOverMinor: Type.Optional(FreeOver),
              currency: Type.String({ pattern: '^[A-Z]{3}$' }),
            },
            { additionalProperties: false },
          ),
          response: { 201: Rules },
        },
        config: writeLimit(60),
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await shipping.addZone(requireUser(request), request.params.handle, request.body)),
    );
    app.patch(
      '/orgs/:handle/shipping/zones/:id',
      {
        schema: {
          tags,
          summary: 'Change a shipping zone',
          params: ZoneParams,
          body: UpdateBody({
            name: Type.Optional(ZoneName),
            countries: Type.Optional(Countries),
            rateMinor: Type.Optional(MinorUnits()),
            freeOverMinor: Type.Optional(FreeOver),
          }),
          response: { 200: Rules },
        },
        config: writeLimit(60),
      },
      async (request) =>
        shipping.updateZone(requireUser(request), request.params.handle, request.params.id, request.body),
    );
    app.delete(
      '/orgs/:handle/shipping/zones/:id',
      {
        schema: { tags, summary: 'Remove a shipping zone', params: ZoneParams, response: { 200: Rules } },
        config: writeLimit(60),
      },
      async (request) => shipping.deleteZone(requireUser(request), request.params.handle, request.params.id),
    );
    app.put(
      '/orgs/:handle/shipping/tax',
      {
        schema: {
          tags,
          summary: 'Tax rates per country (the whole table), whether prices include tax, the return window',
          params: HandleParam,
          body: UpdateBody({
            pricesIncludeTax: Type.Optional(Type.Boolean()),
            returnWindowDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            taxRates: Type.Optional(
              Type.Array(
                Type.Object(
                  { country: Country, rateBp: Type.Integer({ minimum: 0, maximum: 10000 }) },
                  { additionalProperties: false },
                ),
                { maxItems: 250 },
              ),
            ),
          }),
          response: { 200: Rules },
        },
        config: writeLimit(60),
      },
      async (request) => shipping.saveTax(requireUser(request), request.params.handle, request.body),
    );
  };
}
