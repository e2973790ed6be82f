import type { Executor } from '../../platform/db/database.ts';
import type { IdentityModule } from '../identity/index.ts';
import { careError } from './care.errors.ts';
import { queuesOf } from './workflow/queues.repo.ts';

const AGENT_ROLES = ['owner', 'admin', 'agent'];

/**
 * The one check of the references a care write carries: a queue and an agent must be this brand's. Another brand's
 * id would route its messages (and its customers' text) to people outside the brand. `fields` name them in errors.
 */
export async function checkInboxRefs(
  db: Executor,
  identity: Pick<IdentityModule, 'accounts'>,
  orgId: string,
  refs: { queueId?: string | null; agentId?: string | null },
  fields: { queueId: string; agentId: string },
): Promise<void> {
  if (refs.queueId && !(await queuesOf(db, orgId)).some((q) => q.id === refs.queueId)) {
    throw careError('unknown_queue', 'No such queue in this inbox', [
      { field: fields.queueId, message: 'is not a queue of this brand' },
    ]);
  }
  if (
    refs.agentId &&
    !(await identity.accounts.memberRoles(orgId)).some(
      (m) => m.user_id === refs.agentId && AGENT_ROLES.includes(m.role),
    )
  ) {
    throw careError('not_an_agent', 'The assignee does not work this inbox', [
      { field: fields.agentId, message: 'is not an agent of this brand' },
    ]);
  }
}
