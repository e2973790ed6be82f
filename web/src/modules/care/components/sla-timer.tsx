import { useNow } from '../../../shared/hooks/use-now.ts';
import type { Conversation } from '../api/care.types.ts';
import { SLA_TARGET_LABELS, type SlaTarget } from '../api/sla.types.ts';

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

function TimerText({
  state,
  label,
  target,
  title,
}: {
  state: SlaState;
  label: string;
  target?: SlaTarget;
  title: string;
}) {
  return (
    <span
      className={`sla-timer sla-${state}`}
      data-testid="sla-timer"
      data-state={state}
      data-target={target}
      title={title}
    >
      {label}
    </span>
  );
}

/**
 * The conversation's running SLA clock (first response, next response or resolution, whichever is due first)
 * counting down live, red once past due; once resolved, whether every target was met.
 */
export function SlaTimer({ conversation }: { conversation: Conversation }) {
  const { sla } = conversation;
  if (sla.target && sla.dueAt)
    return <LiveCountdown target={sla.target} due={Date.parse(sla.dueAt)} paused={sla.paused} />;
  const took = conversation.firstResponseAt
    ? ` · answered in ${formatDuration(Date.parse(conversation.firstResponseAt) - Date.parse(conversation.openedAt))}`
    : '';
  if (sla.breaches > 0) {
    const missed = sla.lastBreach ? SLA_TARGET_LABELS[sla.lastBreach.target].toLowerCase() : 'a target';
    return (
      <TimerText
        state="breached"
        label={`SLA breached${took}`}
        title={`${sla.breaches} target${sla.breaches > 1 ? 's' : ''} missed, last ${missed}`}
      />
    );
  }
  if (conversation.status === 'resolved' && !conversation.firstResponseAt)
    return <TimerText state="closed" label="Resolved without a reply" title="No SLA clock runs" />;
  return <TimerText state="met" label={`SLA met${took}`} title="Every SLA target met" />;
}

function LiveCountdown({ target, due, paused }: { target: SlaTarget; due: number; paused: boolean }) {
  const now = useNow(1000);
  const left = due - now;
  const what = SLA_TARGET_LABELS[target];
  const title = `${what} due ${new Date(due).toLocaleString()}${paused ? ' · outside business hours, the clock is paused' : ''}`;
  return left >= 0 ? (
    <TimerText
      state="running"
      target={target}
      title={title}
      label={`${what} · ${formatDuration(left)} left`}
    />
  ) : (
    <TimerText
      state="breached"
      target={target}
      title={title}
      label={`${what} breached · ${formatDuration(-left)} over`}
    />
  );
}
