import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../format/date.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "5m", "3h", "2d", then a short date; the year shows only when it is not this year. */
export function formatRelative(iso: string, now: number): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return '';
  const ago = Math.max(0, now - time);
  if (ago < MINUTE) return 'now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)}m`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)}h`;
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)}d`;
  const date = new Date(time);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** Date and time of day, e.g. "Dec 5, 2026, 3:04 PM" (the app's one formatter, in shared/format). */
export const formatFull = formatDateTime;

function useNow(intervalMs = MINUTE): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function RelativeTime({ iso, to }: { iso: string; to?: string }) {
  const now = useNow();
  const label = (
    <time dateTime={iso} title={formatFull(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
  return to ? (
    <Link to={to} className="relative-time">
      {label}
    </Link>
  ) : (
    <span className="relative-time">{label}</span>
  );
}
