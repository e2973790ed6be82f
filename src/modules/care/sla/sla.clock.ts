import type { Priority } from '../care.tables.ts';
import { addBusinessMinutes, type BusinessHours, businessMinutesBetween } from './business-time.clock.ts';
import type { SlaTarget } from './sla.tables.ts';

// The SLA clocks of one conversation, as pure functions of its stamps, the policy of its queue and priority, and
// the brand's business hours. Two clocks can run at once: a response clock (first response until the brand's first
// reply, then next response whenever a customer message waits for an answer) and the resolution clock (from
// opening or reopening until resolved). Snoozing stops neither: the customer is still waiting.

export type SlaTargets = {
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  resolutionMinutes: number;
};

/**
 * Targets every brand starts with, per priority, for its default queues and as its brand-wide defaults. Social
 * customers expect an answer within the hour, so urgent and high answer inside it; a resolution gets a working
 * day or more.
 */
export const DEFAULT_TARGETS: Record<Priority, SlaTargets> = {
  urgent: { firstResponseMinutes: 30, nextResponseMinutes: 30, resolutionMinutes: 240 },
  high: { firstResponseMinutes: 60, nextResponseMinutes: 60, resolutionMinutes: 480 },
  normal: { firstResponseMinutes: 240, nextResponseMinutes: 240, resolutionMinutes: 1440 },
  low: { firstResponseMinutes: 1440, nextResponseMinutes: 1440, resolutionMinutes: 4320 },
};

export type SlaPolicyRow = { queueId: string | null; priority: Priority } & SlaTargets;

/** The queue's own policy for the priority, else the brand-wide one, else the built-in default. */
export function targetsFor(policies: SlaPolicyRow[], queueId: string | null, priority: Priority): SlaTargets {
  const pick = (p: SlaPolicyRow | undefined): SlaTargets | undefined =>
    p && {
      firstResponseMinutes: p.firstResponseMinutes,
      nextResponseMinutes: p.nextResponseMinutes,
      resolutionMinutes: p.resolutionMinutes,
    };
  return (
    pick(policies.find((p) => queueId !== null && p.queueId === queueId && p.priority === priority)) ??
    pick(policies.find((p) => p.queueId === null && p.priority === priority)) ??
    DEFAULT_TARGETS[priority]
  );
}

/** What the clocks start from. */
export type ClockStamps = {
  openedAt: Date;
  firstResponseAt: Date | null;
  awaitingSince: Date | null;
  resolutionSince: Date | null;
};

export type ClockDue = {
  responseTarget: 'first_response' | 'next_response' | null;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  /** The running clock due first: the live timer. */
  target: SlaTarget | null;
  dueAt: Date | null;
};

export function dueTimes(stamps: ClockStamps, targets: SlaTargets, hours: BusinessHours): ClockDue {
  const responseTarget = stamps.awaitingSince
    ? stamps.firstResponseAt
      ? 'next_response'
      : 'first_response'
    : null;
  const responseDueAt =
    stamps.awaitingSince &&
    addBusinessMinutes(
      stamps.awaitingSince,
      responseTarget === 'first_response' ? targets.firstResponseMinutes : targets.nextResponseMinutes,
      hours,
    );
  const resolutionDueAt =
    stamps.resolutionSince && addBusinessMinutes(stamps.resolutionSince, targets.resolutionMinutes, hours);
  const responseFirst =
    responseDueAt !== null && (resolutionDueAt === null || responseDueAt <= resolutionDueAt);
  return {
    responseTarget,
    responseDueAt,
    resolutionDueAt,
    target: responseFirst ? responseTarget : resolutionDueAt ? 'resolution' : null,
    dueAt: responseFirst ? responseDueAt : resolutionDueAt,
  };
}

export type Breach = { target: SlaTarget; at: Date };

/** What changes a conversation's clocks. */
export type SlaEvent =
  | { kind: 'customer_message'; at: Date }
  | { kind: 'brand_response'; at: Date }
  | { kind: 'resolved'; at: Date }
  | { kind: 'reopened'; at: Date }
  | { kind: 'recompute' };

/**
 * The stamps after an event, and the clocks it stopped late (a breach is dated at the due time it passed).
 * `due` are the due times before the event.
 */
export function applyEvent(
  stamps: ClockStamps,
  due: ClockDue,
  event: SlaEvent,
): { stamps: ClockStamps; breaches: Breach[] } {
  const breaches: Breach[] = [];
  const late = (target: SlaTarget | null, dueAt: Date | null, at: Date) => {
    if (target && dueAt && at > dueAt) breaches.push({ target, at: dueAt });
  };
  switch (event.kind) {
    case 'customer_message':
      return {
        stamps: {
          ...stamps,
          awaitingSince: stamps.awaitingSince ?? event.at,
          resolutionSince: stamps.resolutionSince ?? event.at,
        },
        breaches,
      };
    case 'brand_response':
      if (!stamps.awaitingSince) return { stamps, breaches };
      late(due.responseTarget, due.responseDueAt, event.at);
      return {
        stamps: { ...stamps, firstResponseAt: stamps.firstResponseAt ?? event.at, awaitingSince: null },
        breaches,
      };
    case 'resolved':
      // A clock still running when the conversation is closed stops here; if it had already passed, it counts.
      late(due.responseTarget, due.responseDueAt, event.at);
      late(due.resolutionDueAt ? 'resolution' : null, due.resolutionDueAt, event.at);
      return { stamps: { ...stamps, awaitingSince: null, resolutionSince: null }, breaches };
    case 'reopened':
      return { stamps: { ...stamps, resolutionSince: stamps.resolutionSince ?? event.at }, breaches };
    case 'recompute':
      return { stamps, breaches };
  }
}

/** The SLA as the inbox shows it, at `now`: the running clock, whether it has passed, and every breach so far. */
export function slaView(
  row: {
    sla_target: SlaTarget | null;
    sla_due_at: Date | null;
    sla_response_due_at: Date | null;
    sla_resolution_due_at: Date | null;
    sla_awaiting_since: Date | null;
    first_response_at: Date | null;
    sla_breaches: number;
    sla_last_breach_target: SlaTarget | null;
    sla_last_breach_at: Date | null;
  },
  now: Date,
  open: boolean,
) {
  // Running clocks past due are breaches already, though only counted in the row once they stop.
  const running: Breach[] = [];
  if (row.sla_response_due_at && row.sla_response_due_at < now)
    running.push({
      target: row.first_response_at ? 'next_response' : 'first_response',
      at: row.sla_response_due_at,
    });
  if (row.sla_resolution_due_at && row.sla_resolution_due_at < now)
    running.push({ target: 'resolution', at: row.sla_resolution_due_at });
  const recorded: Breach[] =
    row.sla_last_breach_target && row.sla_last_breach_at
      ? [{ target: row.sla_last_breach_target, at: row.sla_last_breach_at }]
      : [];
  const last = [...recorded, ...running].sort((a, b) => b.at.getTime() - a.at.getTime())[0] ?? null;
  return {
    target: row.sla_target,
    dueAt: row.sla_due_at?.toISOString() ?? null,
    breached: row.sla_due_at !== null && row.sla_due_at < now,
    /** Outside business hours the clocks do not run. */
    paused: row.sla_target !== null && !open,
    responseDueAt: row.sla_response_due_at?.toISOString() ?? null,
    resolutionDueAt: row.sla_resolution_due_at?.toISOString() ?? null,
    breaches: row.sla_breaches + running.length,
    lastBreach: last && { target: last.target, at: last.at.toISOString() },
  };
}

/** Business minutes from opening to the first response and to resolution, for reports. */
export function businessDurations(
  row: { opened_at: Date; first_response_at: Date | null; resolved_at: Date | null },
  hours: BusinessHours,
) {
  return {
    firstResponse: row.first_response_at
      ? businessMinutesBetween(row.opened_at, row.first_response_at, hours)
      : null,
    resolution: row.resolved_at ? businessMinutesBetween(row.opened_at, row.resolved_at, hours) : null,
  };
}
