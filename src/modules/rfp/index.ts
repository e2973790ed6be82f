import type { FastifyInstance } from 'fastify';
import { createPitchesService } from './pitches.service.ts';
import { createRequestsService, type RfpDeps } from './requests.service.ts';
import { rfpRoutes } from './rfp.routes.ts';
import { Pitch, RfpRequest } from './rfp.schemas.ts';

export type { RfpEvents } from './rfp.events.ts';

/** Public requests for proposals: requests to named brands, public pitches with quotes, award to an order. */
export function createRfpModule(deps: RfpDeps) {
  const requests = createRequestsService(deps);
  const pitches = createPitchesService(deps, requests);
  return {
    requests,
    pitches,
    schemas: [RfpRequest, Pitch],
    routes: async (app: FastifyInstance) => {
      await app.register(rfpRoutes({ requests, pitches }));
    },
  };
}

export type RfpModule = ReturnType<typeof createRfpModule>;
