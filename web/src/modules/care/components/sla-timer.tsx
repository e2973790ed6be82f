import { useNow } from '../../commerce/hooks/use-now.ts';
import type { Conversation } from '../api/care.types.ts';

/** "1h 04m", "12m 09s", "45s": precise near the deadline, short far from it. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

type SlaState = 'running' | 'met' | 'breached' | 'closed';

function TimerText({ state, label }: { state: SlaState; label: string }) {
  return (
    <span
      className={`sla-timer sla-${state}`}
      data-testid="sla-timer"
      data-state={state}
      title="First response"
    >
      {label}
    </span>
  );
}

/** Counts down to the first-response target; stops and says met or breached once the brand answered. */
export function SlaTimer({ conversation }: { conversation: Conversation }) {
  const due = Date.parse(conversation.sla.firstResponseDueAt);
  const responded = conversation.firstResponseAt ? Date.parse(conversation.firstResponseAt) : null;
  if (responded !== null) {
    const took = formatDuration(responded - Date.parse(conversation.openedAt));
    return responded <= due ? (
      <TimerText state="met" label={`SLA met · answered in ${took}`} />
    ) : (
      <TimerText state="breached" label={`SLA breached · answered in ${took}`} />
    );
  }
  if (conversation.status === 'resolved')
    return <TimerText state="closed" label="Resolved without a reply" />;
  return <LiveCountdown due={due} />;
}

function LiveCountdown({ due }: { due: number }) {
  const now = useNow(1000);
  const left = due - now;
  return left >= 0 ? (
    <TimerText state="running" label={`${formatDuration(left)} left`} />
  ) : (
    <TimerText state="breached" label={`breached · ${formatDuration(-left)} over`} />
  );
}
