import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { Count, MinorUnits, UpdateBody } from '../../../platform/http/schemas.ts';
import { AccountSummary, IdParam } from '../../identity/index.ts';
import type { DealEditsService } from './deal-edits.service.ts';

const tags = ['deals'];
const DealRef = Type.Ref('DealCard');

const DealEditBody = UpdateBody({
  title: Type.Optional(
    Type.Union([Type.String({ minLength: 1, maxLength: 120 }), Type.Null()], {
      description: "The card's name; null goes back to the products' titles",
    }),
  ),
  percentOff: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100, description: 'Percent-off deals; refused once a unit is sold' }),
  ),
  valueMinor: Type.Optional(
    MinorUnits({ description: 'Amount-off, fixed-price and bundle deals; refused once a unit is sold' }),
  ),
  endsAt: Type.Optional(Type.String({ format: 'date-time', description: 'In the future, after the start' })),
  quantityCap: Type.Optional(
    Type.Union([Count({ minimum: 1, maximum: 10_000_000 }), Type.Null()], {
      description: 'Not below the units already sold; null removes the cap',
    }),
  ),
  override: Type.Optional(
    Type.Object({ reason: Type.String({ minLength: 10, maxLength: 500 }) }, { additionalProperties: false }),
  ),
});

const HistoryEntry = Type.Object({
  action: Type.Union([Type.Literal('edited'), Type.Literal('ended')]),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Union([AccountSummary, Type.Null()]),
  changes: Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() }), {
    description: 'Each changed field with its value before and after',
  }),
});

export function dealEditRoutes(dealEdits: DealEditsService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.patch(
      '/deals/:id',
      {
        schema: {
          tags,
          summary: 'Edit a live or scheduled deal (title, price within the channel guard, end, cap)',
          description:
            'The price cannot change once a unit is sold (409 deal_locked); an ended deal cannot be edited (409 deal_ended).',
          params: IdParam,
          body: DealEditBody,
          response: { 200: DealRef },
        },
        config: writeLimit(60),
      },
      async (request) => dealEdits.edit(requireUser(request), request.params.id, request.body),
    );

    app.post(
      '/deals/:id/end',
      {
        schema: {
          tags,
          summary: 'End a deal now: Buy is refused from then on and unpaid orders release their units',
          params: IdParam,
          response: { 200: DealRef },
        },
        config: writeLimit(60),
      },
      async (request) => dealEdits.end(requireUser(request), request.params.id),
    );

    app.get(
      '/deals/:id/history',
      {
        schema: {
          tags,
          summary: "A deal's edits and early end, oldest first (the brand's staff)",
          params: IdParam,
          response: { 200: Type.Object({ items: Type.Array(HistoryEntry) }) },
        },
      },
      async (request) => ({ items: await dealEdits.history(requireUser(request), request.params.id) }),
    );
  };
}
