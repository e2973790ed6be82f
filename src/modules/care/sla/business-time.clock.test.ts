import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  addBusinessMinutes,
  type BusinessHours,
  businessMinutesBetween,
  isOpenAt,
  scheduleProblems,
  WEEKDAYS,
} from './business-time.clock.ts';

const weekdays = (
  timezone: string,
  start = '09:00',
  end = '17:00',
  holidays: string[] = [],
): BusinessHours => ({
  timezone,
  periods: WEEKDAYS.slice(0, 5).map((day) => ({ day, start, end })),
  holidays,
});
const paris = weekdays('Europe/Paris');
/** A local wall-clock time in a zone, as an instant. */
const local = (iso: string, zone = 'Europe/Paris') => DateTime.fromISO(iso, { zone }).toJSDate();
const inZone = (d: Date | null, zone = 'Europe/Paris') =>
  d ? DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") : null;

describe('addBusinessMinutes', () => {
  it('should add minutes inside one open period', () => {
    expect(inZone(addBusinessMinutes(local('2026-11-17T10:00'), 30, paris))).toBe('2026-11-17T10:30');
  });

  it('should carry over night into the next morning when the period closes first', () => {
    expect(inZone(addBusinessMinutes(local('2026-11-17T16:00'), 120, paris))).toBe('2026-11-18T10:00');
  });

  it('should start a Friday evening message’s clock on Monday morning', () => {
    expect(inZone(addBusinessMinutes(local('2026-11-20T18:00'), 60, paris))).toBe('2026-11-23T10:00');
    expect(inZone(addBusinessMinutes(local('2026-11-20T16:30'), 60, paris))).toBe('2026-11-23T09:30');
    expect(inZone(addBusinessMinutes(local('2026-11-21T12:00'), 0, paris))).toBe('2026-11-23T09:00');
  });

  it('should skip holidays', () => {
    const withHoliday = weekdays('Europe/Paris', '09:00', '17:00', ['2026-11-23']);
    expect(inZone(addBusinessMinutes(local('2026-11-20T18:00'), 60, withHoliday))).toBe('2026-11-24T10:00');
  });

  it('should count real minutes across the spring-forward night of a round-the-clock schedule', () => {
    const always = { ...ALWAYS_OPEN, timezone: 'Europe/Paris' };
    // 23:00 CET + 4 h of real time: the clocks jump from 02:00 to 03:00, so it is 04:00 CEST.
    const due = addBusinessMinutes(local('2026-03-28T23:00'), 240, always);
    expect(due?.toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(inZone(due)).toBe('2026-03-29T04:00');
  });

  it('should keep 09:00 local as the opening time on both sides of a DST change', () => {
    // Friday before the change is UTC+1, Monday after is UTC+2.
    const due = addBusinessMinutes(local('2026-03-27T16:00'), 120, paris);
    expect(due?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    const ny = weekdays('America/New_York');
    expect(addBusinessMinutes(local('2026-03-06T17:30', 'America/New_York'), 30, ny)?.toISOString()).toBe(
      '2026-03-09T13:30:00.000Z',
    );
  });

  it('should return null when the schedule never opens', () => {
    const closed: BusinessHours = { timezone: 'UTC', periods: [], holidays: [] };
    expect(addBusinessMinutes(new Date('2026-01-01T00:00:00Z'), 10, closed)).toBeNull();
  });
});

describe('businessMinutesBetween', () => {
  it('should count only open minutes over a weekend', () => {
    expect(businessMinutesBetween(local('2026-11-20T16:00'), local('2026-11-23T10:00'), paris)).toBe(120);
  });

  it('should count overnight spans of a schedule with two periods a day', () => {
    const split: BusinessHours = {
      timezone: 'Asia/Tokyo',
      periods: [
        { day: 'mon', start: '08:00', end: '12:00' },
        { day: 'mon', start: '13:00', end: '24:00' },
        { day: 'tue', start: '00:00', end: '02:00' },
      ],
      holidays: [],
    };
    const from = local('2026-11-16T11:00', 'Asia/Tokyo');
    const to = local('2026-11-17T01:00', 'Asia/Tokyo');
    expect(businessMinutesBetween(from, to, split)).toBe(60 + 11 * 60 + 60);
  });

  it('should count 23 and 25 hour days across DST changes of a round-the-clock schedule', () => {
    const always = { ...ALWAYS_OPEN, timezone: 'Europe/Paris' };
    expect(businessMinutesBetween(local('2026-03-29T00:00'), local('2026-03-30T00:00'), always)).toBe(
      23 * 60,
    );
    expect(businessMinutesBetween(local('2026-10-25T00:00'), local('2026-10-26T00:00'), always)).toBe(
      25 * 60,
    );
  });

  it('should count a period that a DST change shortens by its real length', () => {
    const sundayNight: BusinessHours = {
      timezone: 'Europe/Paris',
      periods: [{ day: 'sun', start: '01:00', end: '05:00' }],
      holidays: [],
    };
    expect(businessMinutesBetween(local('2026-03-28T00:00'), local('2026-03-30T00:00'), sundayNight)).toBe(
      180,
    );
  });

  it('should be 0 when the end is not after the start', () => {
    expect(businessMinutesBetween(local('2026-11-17T12:00'), local('2026-11-17T11:00'), paris)).toBe(0);
  });

  it('should give back the minutes that addBusinessMinutes added, for any start and schedule', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2025-01-01T00:00:00Z'),
          max: new Date('2027-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom(...zones),
        fc.boolean(),
        (start, minutes, zone, alwaysOpen) => {
          const hours = alwaysOpen ? { ...ALWAYS_OPEN, timezone: zone } : weekdays(zone, '08:30', '18:15');
          const due = addBusinessMinutes(start, minutes, hours);
          expect(due).not.toBeNull();
          expect(businessMinutesBetween(start, due!, hours)).toBeCloseTo(minutes, 6);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('isOpenAt', () => {
  it('should be open on a weekday afternoon and closed at night, at weekends and on holidays', () => {
    const hours = weekdays('Europe/Paris', '09:00', '17:00', ['2026-12-25']);
    expect(isOpenAt(local('2026-11-17T14:00'), hours)).toBe(true);
    expect(isOpenAt(local('2026-11-17T17:00'), hours)).toBe(false);
    expect(isOpenAt(local('2026-11-21T14:00'), hours)).toBe(false);
    expect(isOpenAt(local('2026-12-25T14:00'), hours)).toBe(false);
  });
});

describe('scheduleProblems', () => {
  it('should name an unknown time zone, a period ending before it starts, and overlaps', () => {
    const problems = scheduleProblems({
      timezone: 'Mars/Olympus_Mons',
      periods: [
        { day: 'mon', start: '17:00', end: '09:00' },
        { day: 'tue', start: '09:00', end: '13:00' },
        { day: 'tue', start: '12:00', end: '18:00' },
      ],
      holidays: [],
    });
    expect(problems.map((p) => p.field)).toEqual(['timezone', 'periods[0].end', 'periods[2].start']);
  });

  it('should accept a round-the-clock schedule', () => {
    expect(scheduleProblems(ALWAYS_OPEN)).toEqual([]);
  });
});
