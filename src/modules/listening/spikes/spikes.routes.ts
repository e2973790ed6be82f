import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import { Spike, SpikeQuery, tags } from '../listening.schemas.ts';
import type { SpikesService } from './spikes.service.ts';

type SpikeRow = Awaited<ReturnType<SpikesService['list']>>[number];
const iso = (d: Date) => new Date(d).toISOString();
const presentSpike = (s: SpikeRow) => ({
  id: s.id,
  topicId: s.topic_id,
  startedAt: iso(s.started_at),
  endedAt: iso(s.ended_at),
  peakAt: iso(s.peak_at),
  observed: s.observed,
  expected: s.expected,
  ratio: s.expected > 0 ? s.observed / s.expected : 0,
  pValue: s.p_value,
  why: s.explanation,
  detectedAt: iso(s.detected_at),
});
const SpikeList = Type.Object({ items: Type.Array(Spike) });

export function spikesRoutes(spikes: SpikesService) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/orgs/:handle/listening/spikes',
      {
        schema: {
          tags,
          summary: 'The brand’s spikes (of one topic with topicId), newest first, each with why it happened',
          params: HandleParam,
          querystring: SpikeQuery,
          response: { 200: SpikeList },
        },
      },
      async (request) => ({
        items: (
          await spikes.list(requireUser(request), request.params.handle, request.query.topicId ?? null)
        ).map(presentSpike),
      }),
    );
    app.post(
      '/orgs/:handle/listening/spikes/scan',
      {
        schema: {
          tags,
          summary:
            'Look for spikes now (the background sweep does it every few minutes) in the last week of every topic, or of one',
          params: HandleParam,
          querystring: SpikeQuery,
          response: { 200: SpikeList },
        },
      },
      async (request) => ({
        items: (
          await spikes.scan(requireUser(request), request.params.handle, request.query.topicId ?? null)
        ).map(presentSpike),
      }),
    );
  };
}
