import { DateTime, IANAZone } from 'luxon';

// Business-time arithmetic for SLA clocks: the clock runs only inside a brand's weekly open periods, in its own
// time zone, and not on its holidays. Time zones and DST come from luxon; what is left here is walking the
// calendar one local day at a time. A business minute is a real elapsed minute inside an open period, so a
// period that spans a DST change is an hour longer or shorter, as the people working it would notice.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One open period of a weekday, local wall-clock "HH:MM"; `end` may be "24:00" (until midnight). */
export type OpenPeriod = { day: Weekday; start: string; end: string };

export type BusinessHours = {
  /** IANA time zone, e.g. "Europe/Paris". */
  timezone: string;
  periods: OpenPeriod[];
  /** Local dates ("YYYY-MM-DD") on which the clock does not run. */
  holidays: string[];
};

/** Round the clock, every day, in UTC: business minutes equal wall-clock minutes. */
export const ALWAYS_OPEN: BusinessHours = {
  timezone: 'UTC',
  periods: WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};

// Beyond this many days without an open period the schedule is treated as never open (e.g. all holidays).
const MAX_DAYS = 3 * 366;

export const isValidTimezone = (zone: string): boolean => IANAZone.isValidZone(zone);

/** "09:30" → 570; "24:00" → 1440. */
export function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** The open intervals of one local day as instants (ms), in order; none on a holiday. */
function openIntervals(day: DateTime, hours: BusinessHours): [number, number][] {
  if (hours.holidays.includes(day.toISODate() ?? '')) return [];
  const weekday = WEEKDAYS[day.weekday - 1];
  const at = (minutes: number) =>
    minutes >= 1440
      ? day.plus({ days: 1 }).startOf('day').toMillis()
      : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
  return hours.periods
    .filter((p) => p.day === weekday)
    .map((p): [number, number] => [at(minuteOfDay(p.start)), at(minuteOfDay(p.end))])
    .filter(([start, end]) => end > start) // a period that a DST gap swallowed whole
    .sort((a, b) => a[0] - b[0]);
}

function localDay(instant: Date, hours: BusinessHours): DateTime {
  return DateTime.fromJSDate(instant, { zone: hours.timezone }).startOf('day');
}

/**
 * The instant `minutes` business minutes after `start`; with 0, the first open instant at or after `start`.
 * Null when the schedule has no open time in the next three years.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours): Date | null {
  let remainingMs = Math.max(0, minutes) * 60_000;
  const from = start.getTime();
  let day = localDay(start, hours);
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const [open, close] of openIntervals(day, hours)) {
      const begin = Math.max(open, from);
      if (begin >= close) continue;
      if (close - begin >= remainingMs) return new Date(begin + remainingMs);
      remainingMs -= close - begin;
    }
  }
  return null;
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let totalMs = 0;
  let day = localDay(from, hours);
  for (let i = 0; i < MAX_DAYS * 10 && day.toMillis() < b; i++, day = day.plus({ days: 1 })) {
    for (const [open, close] of openIntervals(day, hours)) {
      const overlap = Math.min(close, b) - Math.max(open, a);
      if (overlap > 0) totalMs += overlap;
    }
  }
  return totalMs / 60_000;
}

/** Whether the clock runs at this instant. */
export function isOpenAt(instant: Date, hours: BusinessHours): boolean {
  const t = instant.getTime();
  return openIntervals(localDay(instant, hours), hours).some(([open, close]) => t >= open && t < close);
}

/**
 * What is wrong with a schedule, as field errors (empty when it is usable): an unknown time zone, a period that
 * ends before it starts, periods of one day that overlap, no open period at all.
 */
export function scheduleProblems(hours: BusinessHours): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!isValidTimezone(hours.timezone))
    problems.push({ field: 'timezone', message: `"${hours.timezone}" is not an IANA time zone` });
  if (hours.periods.length === 0)
    problems.push({ field: 'periods', message: 'needs at least one open period' });
  hours.periods.forEach((p, i) => {
    if (minuteOfDay(p.end) <= minuteOfDay(p.start))
      problems.push({ field: `periods[${i}].end`, message: `must be after start (${p.start})` });
  });
  for (const day of WEEKDAYS) {
    const ofDay = hours.periods
      .map((p, i) => ({ ...p, i }))
      .filter((p) => p.day === day)
      .sort((a, b) => minuteOfDay(a.start) - minuteOfDay(b.start));
    for (let k = 1; k < ofDay.length; k++) {
      if (minuteOfDay(ofDay[k].start) < minuteOfDay(ofDay[k - 1].end))
        problems.push({
          field: `periods[${ofDay[k].i}].start`,
          message: `overlaps another ${day} period`,
        });
    }
  }
  return problems;
}
