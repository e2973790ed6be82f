import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from './business-time.clock.ts';
import {
  applyEvent,
  DEFAULT_TARGETS,
  dueTimes,
  type SlaPolicyRow,
  slaView,
  targetsFor,
} from './sla.clock.ts';

const at = (hhmm: string) => new Date(`2026-11-17T${hhmm}:00.000Z`);
const targets = { firstResponseMinutes: 60, nextResponseMinutes: 30, resolutionMinutes: 480 };

describe('targetsFor', () => {
  const policies: SlaPolicyRow[] = [
    {
      queueId: null,
      priority: 'normal',
      firstResponseMinutes: 100,
      nextResponseMinutes: 100,
      resolutionMinutes: 1000,
    },
    {
      queueId: 'q1',
      priority: 'normal',
      firstResponseMinutes: 10,
      nextResponseMinutes: 10,
      resolutionMinutes: 100,
    },
  ];
  it('should prefer the queue’s own policy, then the brand-wide one, then the built-in default', () => {
    expect(targetsFor(policies, 'q1', 'normal').firstResponseMinutes).toBe(10);
    expect(targetsFor(policies, 'q2', 'normal').firstResponseMinutes).toBe(100);
    expect(targetsFor(policies, null, 'normal').firstResponseMinutes).toBe(100);
    expect(targetsFor(policies, 'q1', 'urgent')).toEqual(DEFAULT_TARGETS.urgent);
  });
});

describe('SLA clocks', () => {
  const opened = { openedAt: at('10:00'), firstResponseAt: null, awaitingSince: null, resolutionSince: null };

  it('should run first response and resolution from the first message, the earlier one as the live timer', () => {
    const { stamps } = applyEvent(opened, dueTimes(opened, targets, ALWAYS_OPEN), {
      kind: 'customer_message',
      at: at('10:00'),
    });
    expect(dueTimes(stamps, targets, ALWAYS_OPEN)).toMatchObject({
      responseTarget: 'first_response',
      responseDueAt: at('11:00'),
      resolutionDueAt: at('18:00'),
      target: 'first_response',
      dueAt: at('11:00'),
    });
  });

  it('should record a late first response as a breach dated at its due time, then wait for the customer', () => {
    const waiting = { ...opened, awaitingSince: at('10:00'), resolutionSince: at('10:00') };
    const due = dueTimes(waiting, targets, ALWAYS_OPEN);
    const answered = applyEvent(waiting, due, { kind: 'brand_response', at: at('11:30') });
    expect(answered.breaches).toEqual([{ target: 'first_response', at: at('11:00') }]);
    expect(dueTimes(answered.stamps, targets, ALWAYS_OPEN)).toMatchObject({
      target: 'resolution',
      responseDueAt: null,
    });

    const again = applyEvent(answered.stamps, dueTimes(answered.stamps, targets, ALWAYS_OPEN), {
      kind: 'customer_message',
      at: at('12:00'),
    });
    expect(dueTimes(again.stamps, targets, ALWAYS_OPEN)).toMatchObject({
      target: 'next_response',
      dueAt: at('12:30'),
    });
  });

  it('should stop every clock on resolution, counting the ones already past due', () => {
    const waiting = { ...opened, awaitingSince: at('10:00'), resolutionSince: at('10:00') };
    const resolved = applyEvent(waiting, dueTimes(waiting, targets, ALWAYS_OPEN), {
      kind: 'resolved',
      at: at('10:30'),
    });
    expect(resolved.breaches).toEqual([]);
    expect(dueTimes(resolved.stamps, targets, ALWAYS_OPEN)).toMatchObject({ target: null, dueAt: null });
    const late = applyEvent(waiting, dueTimes(waiting, targets, ALWAYS_OPEN), {
      kind: 'resolved',
      at: at('19:00'),
    });
    expect(late.breaches.map((b) => b.target)).toEqual(['first_response', 'resolution']);
  });

  it('should show a running clock past its due time as breached before it stops', () => {
    const view = slaView(
      {
        sla_target: 'first_response',
        sla_due_at: at('11:00'),
        sla_response_due_at: at('11:00'),
        sla_resolution_due_at: at('18:00'),
        sla_awaiting_since: at('10:00'),
        first_response_at: null,
        sla_breaches: 0,
        sla_last_breach_target: null,
        sla_last_breach_at: null,
      },
      at('11:05'),
      true,
    );
    expect(view).toMatchObject({
      target: 'first_response',
      breached: true,
      breaches: 1,
      lastBreach: { target: 'first_response', at: at('11:00').toISOString() },
    });
  });
});
