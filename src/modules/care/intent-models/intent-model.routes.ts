import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { HandleParam } from '../../identity/index.ts';
import type { IntentModelService } from './intent-model.service.ts';

const tags = ['care'];
const Share = Type.Number({ minimum: 0, maximum: 1 });
const Metrics = Type.Object({
  correctionsUsed: Type.Integer(),
  evaluation: Type.Union([Type.Literal('held_out'), Type.Literal('training_fit')], {
    description: 'held_out: a seeded quarter of the corrections was kept out of training and scored',
  }),
  evaluatedOn: Type.Integer(),
  correctionsBefore: Share,
  correctionsAfter: Share,
  guard: Type.Object({
    set: Type.String(),
    size: Type.Integer(),
    shipped: Share,
    brand: Share,
  }),
});
const Status = Type.Object({
  using: Type.Union([Type.Literal('brand'), Type.Literal('shipped')]),
  correctionsAvailable: Type.Integer(),
  model: Type.Union([
    Type.Object({
      trainedAt: Type.String({ format: 'date-time' }),
      correctionsUsed: Type.Integer(),
      current: Type.Boolean({ description: 'false when the shipped model changed since: retrain' }),
      metrics: Metrics,
    }),
    Type.Null(),
  ]),
});

/** The brand's own intent model (owners and admins): its status, and a retrain from agents' corrections. */
export function intentModelRoutes(models: IntentModelService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/care/intent-model',
      {
        schema: {
          tags,
          summary: "Which intent model triages the brand's messages, and how its last retrain measured",
          params: HandleParam,
          response: { 200: Status },
        },
      },
      async (request) => models.status(requireUser(request), request.params.handle),
    );

    app.post(
      '/orgs/:handle/care/intent-model/retrain',
      {
        schema: {
          tags,
          summary:
            "Retrain the brand's intent model from its agents' corrections (422 no_corrections when there are none)",
          params: HandleParam,
          response: { 200: Status },
        },
        config: writeLimit(6),
      },
      async (request) => models.retrain(requireUser(request), request.params.handle),
    );
  };
}
