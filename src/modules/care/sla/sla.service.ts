import type { Db, Executor } from '../../../platform/db/database.ts';
import type { FieldError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import type { ConversationStatus, Priority } from '../care.tables.ts';
import { lockOrg } from '../care-locks.repo.ts';
import { queuesOf } from '../workflow/queues.repo.ts';
import { ensureQueues } from '../workflow/queues.service.ts';
import {
  ALWAYS_OPEN,
  type BusinessHours,
  businessMinutesBetween,
  scheduleProblems,
} from './business-time.clock.ts';
import {
  applyEvent,
  type ClockDue,
  dueTimes,
  type SlaEvent,
  type SlaPolicyRow,
  targetsFor,
} from './sla.clock.ts';
import * as slaRepo from './sla.repo.ts';

/** The brand's business hours; round the clock in UTC until an admin sets them. */
export async function businessHoursOf(db: Executor, orgId: string): Promise<BusinessHours> {
  return (await slaRepo.hoursOf(db, orgId)) ?? ALWAYS_OPEN;
}

/**
 * Moves a conversation's SLA clocks on an event (a customer message, a brand response, resolving, reopening) or
 * recomputes their due times (queue, priority, policy or hours changed). Call it after the change is written, with
 * the same executor, so the clocks read what the change wrote.
 */
export async function refreshSla(
  db: Executor,
  orgId: string,
  conversationId: string,
  event: SlaEvent,
  context?: { hours: BusinessHours; policies: SlaPolicyRow[] },
) {
  const row = await slaRepo.slaRow(db, orgId, conversationId);
  if (!row) return;
  const hours = context?.hours ?? (await businessHoursOf(db, orgId));
  const policies = context?.policies ?? (await slaRepo.policiesOf(db, orgId));
  const before: ClockDue = {
    // The first response is the one that stamped business minutes (the row's own stamp may be newer than the clock).
    responseTarget: row.sla_awaiting_since
      ? row.first_response_business_minutes === null
        ? 'first_response'
        : 'next_response'
      : null,
    responseDueAt: row.sla_response_due_at,
    resolutionDueAt: row.sla_resolution_due_at,
    target: null,
    dueAt: null,
  };
  const { stamps, breaches } = applyEvent(
    {
      openedAt: row.opened_at,
      firstResponseAt: row.first_response_business_minutes === null ? null : row.first_response_at,
      awaitingSince: row.sla_awaiting_since,
      resolutionSince: row.sla_resolution_since,
    },
    before,
    event,
  );
  const due = dueTimes(stamps, targetsFor(policies, row.queue_id, row.priority), hours);
  const last = breaches.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  await slaRepo.writeSla(db, orgId, conversationId, {
    sla_awaiting_since: stamps.awaitingSince,
    sla_resolution_since: stamps.resolutionSince,
    sla_response_due_at: due.responseDueAt,
    sla_resolution_due_at: due.resolutionDueAt,
    sla_target: due.target,
    sla_due_at: due.dueAt,
    ...(breaches.length
      ? {
          sla_breaches: row.sla_breaches + breaches.length,
          sla_last_breach_target: last.target,
          sla_last_breach_at: last.at,
        }
      : {}),
    ...(row.first_response_at && row.first_response_business_minutes === null
      ? {
          first_response_business_minutes: businessMinutesBetween(
            row.opened_at,
            row.first_response_at,
            hours,
          ),
        }
      : {}),
    resolution_business_minutes:
      row.status === 'resolved' && row.resolved_at
        ? (row.resolution_business_minutes ?? businessMinutesBetween(row.opened_at, row.resolved_at, hours))
        : null,
  });
}

/** The SLA event an agent's change of a conversation is, if any. */
export function slaEventOfChange(
  before: ConversationStatus,
  patch: { status?: ConversationStatus; priority?: Priority; queueId?: string },
  at: Date,
): SlaEvent | null {
  if (patch.status === 'resolved' && before !== 'resolved') return { kind: 'resolved', at };
  if (patch.status && patch.status !== 'resolved' && before === 'resolved') return { kind: 'reopened', at };
  if (patch.priority || patch.queueId) return { kind: 'recompute' };
  return null;
}

export type SlaDeps = { db: Db; identity: Pick<IdentityModule, 'orgs'> };

export type PolicyInput = {
  queueId: string | null;
  priority: Priority;
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  resolutionMinutes: number;
};

/** Business hours and SLA policies of a brand: agents read them, owners and admins edit them. */
export function createSlaService({ db, identity }: SlaDeps) {
  const workOrg = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'workInbox');
  const manageOrg = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'manageInbox');

  /** Every unresolved conversation's due times follow the new hours or policies. */
  async function recomputeAll(trx: Executor, orgId: string) {
    const context = {
      hours: await businessHoursOf(trx, orgId),
      policies: await slaRepo.policiesOf(trx, orgId),
    };
    for (const { id } of await slaRepo.unresolvedIds(trx, orgId))
      await refreshSla(trx, orgId, id, { kind: 'recompute' }, context);
  }

  async function policiesView(orgId: string) {
    // A brand that never had a conversation gets its default queues and their policies on first look.
    await db.transaction().execute((trx) => ensureQueues(trx, orgId));
    const policies = await slaRepo.policiesOf(db, orgId);
    const queues = await queuesOf(db, orgId);
    return {
      queues: queues.map((q) => ({ id: q.id, name: q.name })),
      items: policies.sort(
        (a, b) =>
          (a.queueId ?? '').localeCompare(b.queueId ?? '') ||
          PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority],
      ),
    };
  }

  return {
    async businessHours(principal: Principal, handle: string) {
      const org = await workOrg(principal, handle);
      return businessHoursOf(db, org.id);
    },

    async setBusinessHours(principal: Principal, handle: string, input: BusinessHours) {
      const org = await manageOrg(principal, handle);
      const hours = { ...input, holidays: [...new Set(input.holidays)].sort() };
      const problems = scheduleProblems(hours);
      if (problems.length)
        throw careError(
          problems[0].field === 'timezone' ? 'unknown_timezone' : 'invalid_business_hours',
          `Business hours: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
          problems,
        );
      await db.transaction().execute(async (trx) => {
        await lockOrg(trx, org.id); // one settings change of a brand at a time (see setPolicies)
        await slaRepo.saveHours(trx, org.id, hours);
        await recomputeAll(trx, org.id);
      });
      return hours;
    },

    async policies(principal: Principal, handle: string) {
      return policiesView((await workOrg(principal, handle)).id);
    },

    async setPolicies(principal: Principal, handle: string, input: PolicyInput[]) {
      const org = await manageOrg(principal, handle);
      const queues = new Set((await queuesOf(db, org.id)).map((q) => q.id));
      const problems: FieldError[] = [];
      const seen = new Set<string>();
      input.forEach((p, i) => {
        if (p.queueId !== null && !queues.has(p.queueId))
          problems.push({ field: `policies[${i}].queueId`, message: 'is not a queue of this brand' });
        const key = `${p.queueId ?? 'brand'}:${p.priority}`;
        if (seen.has(key))
          problems.push({
            field: `policies[${i}].priority`,
            message: 'repeats a queue and priority given before',
          });
        seen.add(key);
      });
      if (problems.length)
        throw careError(
          'invalid_sla_policies',
          `SLA policies: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
          problems,
        );
      await db.transaction().execute(async (trx) => {
        // Replacing is a delete then an insert: two saves at once would each insert beside the other's rows
        // (a unique violation) or deadlock on the clocks they recompute. One waits for the other; the last wins.
        await lockOrg(trx, org.id);
        await slaRepo.replacePolicies(trx, org.id, input);
        await recomputeAll(trx, org.id);
      });
      return policiesView(org.id);
    },
  };
}

const PRIORITY_ORDER: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export type SlaService = ReturnType<typeof createSlaService>;
