import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import { Ladder, LadderBody, TierChangesPage, TierChangesQuery, tags } from './tiers.schemas.ts';
import type { TiersService } from './tiers.service.ts';

/** A brand's tier ladder and who moved tier and why. */
export function tiersRoutes(service: TiersService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/tiers',
      {
        schema: {
          tags,
          summary: 'The brand’s tiers by rolling 12-month points, with their perks',
          params: HandleParam,
          response: { 200: Ladder },
        },
      },
      async (request) => service.ladder(request.params.handle),
    );

    app.put(
      '/orgs/:handle/tiers',
      {
        schema: {
          tags,
          summary: 'Set the tiers (overlapping or negative thresholds are refused)',
          params: HandleParam,
          body: LadderBody,
          response: { 200: Ladder },
        },
      },
      async (request) => service.saveLadder(requireUser(request), request.params.handle, request.body),
    );

    app.get(
      '/orgs/:handle/tier-changes',
      {
        schema: {
          tags,
          summary: 'Who moved tier and why, newest first',
          params: HandleParam,
          querystring: TierChangesQuery,
          response: { 200: TierChangesPage },
        },
      },
      async (request) => service.changes(requireUser(request), request.params.handle, request.query),
    );
  };
}
