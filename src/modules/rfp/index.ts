import type { FastifyInstance } from 'fastify';
import { type Db, ownTables } from '../../platform/db/database.ts';
import { createDmService } from './dm.service.ts';
import { requestsInPeriod } from './period.repo.ts';
import { createPitchesService } from './pitches.service.ts';
import { quoteRoutes } from './quotes.routes.ts';
import { createQuotesService } from './quotes.service.ts';
import { createRequestsService, type RfpDeps } from './requests.service.ts';
import * as bulk from './rfp.bulk.repo.ts';
import { rfpRoutes } from './rfp.routes.ts';
import { Pitch, Quote, RfpRequest } from './rfp.schemas.ts';
import type { RfpTables } from './rfp.tables.ts';
import { salesTeamRoutes } from './sales-team.routes.ts';
import { createSalesTeamService } from './sales-team.service.ts';

export type { RfpEvents } from './rfp.events.ts';

/** Public requests for proposals: requests to named brands, public pitches with quotes, award to an order. */
export function createRfpModule(deps: RfpDeps) {
  const quotes = createQuotesService(deps);
  const requests = createRequestsService(deps, quotes);
  deps.care.conversions.register('rfp', requests.fromConversation);
  const pitches = createPitchesService(deps, requests);
  const dm = createDmService(deps, requests);
  const salesTeam = createSalesTeamService(deps);
  return {
    requests,
    pitches,
    /** Requests the brand was asked in a period and how many it pitched on (briefing books). */
    inPeriod: (orgId: string, from: Date, to: Date) =>
      requestsInPeriod(ownTables<RfpTables>(deps.db), orgId, from, to),
    dm,
    quotes,
    salesTeam,
    schemas: [RfpRequest, Pitch, Quote],
    routes: async (app: FastifyInstance) => {
      await app.register(rfpRoutes({ requests, pitches, dm }));
      await app.register(quoteRoutes(quotes));
      await app.register(salesTeamRoutes(salesTeam));
    },
  };
}

export type RfpModule = ReturnType<typeof createRfpModule>;

/** Set-based generation of open requests, each pitched on by every brand given, for benchmarks. */
export const generateRequests = (db: Db, input: Parameters<typeof bulk.generateRequests>[1]) =>
  bulk.generateRequests(ownTables<RfpTables>(db), input);
