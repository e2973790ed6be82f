import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { CommerceModule } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import { advocatesRoutes } from './advocates.routes.ts';
import { createAdvocatesService } from './advocates.service.ts';
import { createInfluenceJob } from './influence.job.ts';

export type AdvocatesDeps = {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  social: Pick<SocialModule, 'graph'>;
  commerce: Pick<CommerceModule, 'advocacy'>;
  /** The clock (tests move it); the wall clock by default. */
  now?: () => Date;
  log?: { error(obj: object, msg: string): void };
};

/** Advocates: influence from the follow and reshare graphs, ranked advocates per brand, segments. */
export function createAdvocatesModule(deps: AdvocatesDeps) {
  const now = deps.now ?? (() => new Date());
  const service = createAdvocatesService({ ...deps, now });
  return {
    service,
    /** The background influence job: `start`/`stop` its loop; `runPending` computes queued runs now. */
    job: createInfluenceJob({ ...deps, now }),
    routes: async (app: FastifyInstance) => {
      await app.register(advocatesRoutes(service));
    },
  };
}

export type AdvocatesModule = ReturnType<typeof createAdvocatesModule>;
