import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import { LongGame } from './long-game.schemas.ts';
import type { LongGameService } from './long-game.service.ts';

/** The long-game dashboard of a brand. */
export function longGameRoutes(service: LongGameService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/orgs/:handle/long-game',
      {
        schema: {
          tags: ['advocates'],
          summary:
            'Monthly customer cohorts, engaged before their first order or not, and advocates against others: spend, repeat rate, lifetime value and the lift with 95% bootstrap intervals',
          params: HandleParam,
          response: { 200: LongGame },
        },
      },
      async (request) => service.dashboard(requireUser(request), request.params.handle),
    );
  };
}
