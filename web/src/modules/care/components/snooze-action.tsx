import { formatFull } from '../../../shared/ui/relative-time.tsx';
import { type Conversation, isSnoozed } from '../api/care.types.ts';

export type SnoozeChoice = '1h' | 'tomorrow' | 'next_week';

const CHOICES: { value: SnoozeChoice; label: string }[] = [
  { value: '1h', label: 'For 1 hour' },
  { value: 'tomorrow', label: 'Until tomorrow, 9:00' },
  { value: 'next_week', label: 'Until next Monday, 9:00' },
];

/** When a snooze choice ends, in the agent's own time zone (their working morning, not the brand's). */
export function snoozeUntil(choice: SnoozeChoice, now = new Date()): Date {
  if (choice === '1h') return new Date(now.getTime() + 3_600_000);
  const at = new Date(now);
  at.setHours(9, 0, 0, 0);
  // Days to add: 1 for tomorrow; to next Monday (getDay() 1), a full week when today is Monday.
  const days = choice === 'tomorrow' ? 1 : (8 - now.getDay()) % 7 || 7;
  at.setDate(at.getDate() + days);
  return at;
}

/**
 * Snooze hides the conversation from the inbox until the chosen time (or until the customer writes again, which
 * wakes it at once); the Snoozed tab lists it meanwhile.
 */
export function SnoozeAction({
  conversation,
  disabled,
  onChange,
}: {
  conversation: Conversation;
  disabled: boolean;
  onChange: (snoozedUntil: string | null) => void;
}) {
  if (isSnoozed(conversation)) {
    return (
      <span className="care-snoozed" data-testid="snoozed-until">
        Snoozed until {formatFull(conversation.snoozedUntil!)}
        <button
          type="button"
          className="btn btn-ghost btn-xs"
          disabled={disabled}
          onClick={() => onChange(null)}
          data-testid="snooze-wake"
        >
          Wake up
        </button>
      </span>
    );
  }
  if (conversation.status === 'resolved') return null;
  return (
    <label className="care-select">
      <span>Snooze</span>
      <select
        value=""
        disabled={disabled}
        onChange={(e) => {
          const choice = e.target.value as SnoozeChoice | '';
          if (choice) onChange(snoozeUntil(choice).toISOString());
        }}
        data-testid="snooze-select"
      >
        <option value="">Not snoozed</option>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
