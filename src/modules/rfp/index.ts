import type { FastifyInstance } from 'fastify';
import { type Db, ownTables } from '../../platform/db/database.ts';
import { createDmService } from './dm.service.ts';
import { createPitchesService } from './pitches.service.ts';
import { createRequestsService, type RfpDeps } from './requests.service.ts';
import * as bulk from './rfp.bulk.repo.ts';
import { rfpRoutes } from './rfp.routes.ts';
import { Pitch, RfpRequest } from './rfp.schemas.ts';
import type { RfpTables } from './rfp.tables.ts';

export type { RfpEvents } from './rfp.events.ts';

/** Public requests for proposals: requests to named brands, public pitches with quotes, award to an order. */
export function createRfpModule(deps: RfpDeps) {
  const requests = createRequestsService(deps);
  const pitches = createPitchesService(deps, requests);
  const dm = createDmService(deps, requests);
  return {
    requests,
    pitches,
    dm,
    schemas: [RfpRequest, Pitch],
    routes: async (app: FastifyInstance) => {
      await app.register(rfpRoutes({ requests, pitches, dm }));
    },
  };
}

export type RfpModule = ReturnType<typeof createRfpModule>;

/** Set-based generation of open requests, each pitched on by every brand given, for benchmarks. */
export const generateRequests = (db: Db, input: Parameters<typeof bulk.generateRequests>[1]) =>
  bulk.generateRequests(ownTables<RfpTables>(db), input);
