import { type Db, type Executor, isUniqueViolation } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import { lockOrg } from '../care-locks.repo.ts';
import { seedDefaultPolicies } from '../sla/sla.repo.ts';
import * as repo from './queues.repo.ts';
import { DEFAULT_QUEUES } from './routing.policy.ts';

/**
 * The brand's queues by name, creating the default ones (with default SLA policies) the first time the brand
 * receives a conversation.
 */
export async function ensureQueues(trx: Executor, orgId: string): Promise<Map<string, string>> {
  let queues = await repo.queuesOf(trx, orgId);
  if (queues.length === 0) {
    await lockOrg(trx, orgId); // another transaction may be creating them: wait for it, then look again
    queues = await repo.queuesOf(trx, orgId);
  }
  if (queues.length === 0) {
    await repo.insertQueues(
      trx,
      DEFAULT_QUEUES.map((name, position) => ({ id: newId(), org_id: orgId, name, position })),
    );
    queues = await repo.queuesOf(trx, orgId);
    await seedDefaultPolicies(
      trx,
      orgId,
      queues.map((q) => q.id),
    );
  }
  return new Map(queues.map((q) => [q.name, q.id]));
}

/** The queues of a brand's inbox: agents list them, owners and admins add, rename and remove them. */
export function createQueuesService({ db, identity }: { db: Db; identity: Pick<IdentityModule, 'orgs'> }) {
  const manageOrg = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'manageInbox');

  async function list(principal: Principal, handle: string) {
    const org = await identity.orgs.requireCapability(principal, handle, 'workInbox');
    await db.transaction().execute((trx) => ensureQueues(trx, org.id));
    return repo.queuesOf(db, org.id);
  }

  return {
    list,

    async add(principal: Principal, handle: string, name: string) {
      const org = await manageOrg(principal, handle);
      const existing = await list(principal, handle);
      if (existing.some((q) => q.name.toLowerCase() === name.toLowerCase()))
        throw careError('queue_exists', `A queue named "${name}" exists`);
      const id = newId();
      await repo.insertQueues(db, [{ id, org_id: org.id, name, position: existing.length }]);
      return { id, name };
    },

    async rename(principal: Principal, handle: string, id: string, name: string) {
      const org = await manageOrg(principal, handle);
      const renamed = await repo.renameQueue(db, org.id, id, name).catch((err) => {
        if (isUniqueViolation(err))
          throw careError('queue_name_taken', `Another queue of this inbox is named "${name}"`, [
            { field: 'name', message: 'is the name of another queue' },
          ]);
        throw err;
      });
      if (!renamed) throw careError('queue_not_found', 'Queue not found');
    },

    /** Removing a queue leaves its conversations unqueued, never lost. */
    async remove(principal: Principal, handle: string, id: string) {
      if (!(await repo.deleteQueue(db, (await manageOrg(principal, handle)).id, id)))
        throw careError('queue_not_found', 'Queue not found');
    },
  };
}

export type QueuesService = ReturnType<typeof createQueuesService>;
