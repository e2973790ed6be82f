import type { Db } from '../../platform/db/database.ts';
import type { IdentityModule } from '../identity/index.ts';
import { governanceRoutes } from './governance.routes.ts';
import { createPolicyService } from './policy.service.ts';

export { PolicyOverride } from './governance.schemas.ts';
export type { PolicyCheckInput } from './policy.service.ts';

/** A brand's social policy (rules, lint, enforcement on submit) and the audit log of blocks and overrides. */
export function createGovernanceModule(deps: {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
}) {
  const policy = createPolicyService(deps);
  return { policy, routes: governanceRoutes(policy) };
}

export type GovernanceModule = ReturnType<typeof createGovernanceModule>;
