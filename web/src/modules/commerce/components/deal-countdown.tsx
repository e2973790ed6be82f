import { formatDateTime } from '../../../shared/format/date.ts';
import { useNow } from '../../../shared/hooks/use-now.ts';
import type { DealCard, DealStatus } from '../api/commerce.types.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2d 03:04:05", "03:04:05" under a day. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/** The deal's status as of `now`: the server's word, moved on by the clock between fetches. */
export function liveStatus(card: DealCard, now: number): DealStatus {
  // A viewer with early access may buy from the early start.
  const opens = card.viewer.earlyAccess && card.earlyAccess ? card.earlyAccess.startsAt : card.startsAt;
  if (now < Date.parse(opens)) return 'scheduled';
  if (now >= Date.parse(card.endsAt)) return 'ended';
  if (card.remaining === 0 || card.status === 'sold_out') return 'sold_out';
  return 'live';
}

/** Time left (or until the start), ticking every second. */
export function DealCountdown({ card, now }: { card: DealCard; now: number }) {
  const status = liveStatus(card, now);
  const text =
    status === 'scheduled'
      ? `Starts in ${formatDuration(Date.parse(card.startsAt) - now)}`
      : status === 'ended'
        ? 'Ended'
        : `Ends in ${formatDuration(Date.parse(card.endsAt) - now)}`;
  const soon = status === 'live' && Date.parse(card.endsAt) - now < 3_600_000;
  return (
    <span
      className={soon ? 'deal-countdown deal-countdown-soon' : 'deal-countdown'}
      data-testid="deal-countdown"
      title={
        status === 'scheduled'
          ? `Starts ${formatDateTime(card.startsAt)}`
          : `Ends ${formatDateTime(card.endsAt)}`
      }
    >
      <time dateTime={status === 'scheduled' ? card.startsAt : card.endsAt}>{text}</time>
    </span>
  );
}

/** The countdown with its own clock, for places that do not already tick. */
export function TickingCountdown({ card }: { card: DealCard }) {
  const now = useNow(1000);
  return <DealCountdown card={card} now={now} />;
}
