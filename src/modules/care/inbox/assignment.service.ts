import type { Executor } from '../../../platform/db/database.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { lockOrg } from '../care-locks.repo.ts';
import * as repo from './agents.repo.ts';

/**
 * Round-robin among the brand's agents who are online and under their cap of open conversations: the one
 * assigned longest ago gets the next. Agents are the org's members with the agent role (owners and admins too,
 * once they set themselves online in the inbox). Returns null when nobody is available.
 */
export async function assignRoundRobin(
  trx: Executor,
  identity: Pick<IdentityModule, 'accounts'>,
  orgId: string,
): Promise<string | null> {
  // Two conversations arriving together must see each other's assignment, or both go to the same agent.
  await lockOrg(trx, orgId);
  const members = await identity.accounts.memberRoles(orgId, trx);
  const settings = new Map((await repo.agentsOf(trx, orgId)).map((a) => [a.user_id, a]));
  const open = await repo.openCounts(trx, orgId);
  const candidates = members
    .filter(
      (m) =>
        (m.role === 'agent' && settings.get(m.user_id)?.status !== 'away') ||
        settings.get(m.user_id)?.status === 'online',
    )
    .filter((m) => (open.get(m.user_id) ?? 0) < (settings.get(m.user_id)?.max_open ?? 25))
    .map((m) => ({ userId: m.user_id, last: settings.get(m.user_id)?.last_assigned_at?.getTime() ?? 0 }))
    .sort((a, b) => a.last - b.last || a.userId.localeCompare(b.userId));
  const chosen = candidates[0]?.userId ?? null;
  if (chosen) {
    await repo.upsertAgent(trx, orgId, chosen, {});
    await repo.markAssigned(trx, orgId, chosen);
  }
  return chosen;
}
