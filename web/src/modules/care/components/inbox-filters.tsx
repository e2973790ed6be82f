import { errorMessage } from '../../../shared/api/api-error.ts';
import type { ConversationStatus } from '../api/care.types.ts';
import { useAvailability, useQueues } from '../hooks/use-inbox.ts';

/** A status tab; Snoozed: conversations hidden until later, of any status; Needs review: triage was unsure. */
export type InboxView = ConversationStatus | 'snoozed' | 'review';

export type QueueChoice = { kind: 'all' } | { kind: 'mine' } | { kind: 'queue'; id: string };

const VIEWS: { status: InboxView; label: string }[] = [
  { status: 'open', label: 'Open' },
  { status: 'pending', label: 'Pending' },
  { status: 'resolved', label: 'Resolved' },
  { status: 'snoozed', label: 'Snoozed' },
  { status: 'review', label: 'Needs review' },
];

function QueueButton({
  active,
  label,
  onClick,
  testId,
}: {
  active: boolean;
  label: string;
  onClick: () => void;
  testId: string;
}) {
  return (
    <li>
      <button
        type="button"
        className={active ? 'inbox-filter active' : 'inbox-filter'}
        aria-pressed={active}
        onClick={onClick}
        data-testid={testId}
      >
        {label}
      </button>
    </li>
  );
}

/** The left pane: which queue, which status, and whether the agent takes new conversations. */
export function InboxFilters({
  handle,
  queue,
  status,
  onQueue,
  onStatus,
}: {
  handle: string;
  queue: QueueChoice;
  status: InboxView;
  onQueue: (choice: QueueChoice) => void;
  onStatus: (status: InboxView) => void;
}) {
  const queues = useQueues(handle).data?.items ?? [];
  return (
    <aside className="inbox-pane inbox-filters" aria-label="Inbox filters">
      <div className="inbox-status-tabs" role="tablist" aria-label="Status">
        {VIEWS.map((s) => (
          <button
            key={s.status}
            type="button"
            role="tab"
            aria-selected={status === s.status}
            className={status === s.status ? 'inbox-status active' : 'inbox-status'}
            onClick={() => onStatus(s.status)}
            data-testid={`inbox-status-${s.status}`}
          >
            {s.label}
          </button>
        ))}
      </div>
      <h2 className="inbox-pane-title">Queues</h2>
      <ul className="inbox-filter-list">
        <QueueButton
          active={queue.kind === 'all'}
          label="All"
          onClick={() => onQueue({ kind: 'all' })}
          testId="inbox-queue-all"
        />
        {queues.map((q) => (
          <QueueButton
            key={q.id}
            active={queue.kind === 'queue' && queue.id === q.id}
            label={q.name}
            onClick={() => onQueue({ kind: 'queue', id: q.id })}
            testId={`inbox-queue-filter-${q.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
          />
        ))}
        <QueueButton
          active={queue.kind === 'mine'}
          label="Mine"
          onClick={() => onQueue({ kind: 'mine' })}
          testId="inbox-queue-mine"
        />
      </ul>
      <AvailabilityToggle handle={handle} />
    </aside>
  );
}

/** Online or away for new conversations, as the server has it. */
function AvailabilityToggle({ handle }: { handle: string }) {
  const { status, change: availability } = useAvailability(handle);
  const choose = (next: 'online' | 'away') => availability.mutate(next);
  return (
    <div className="inbox-availability">
      <h2 className="inbox-pane-title">Availability</h2>
      <fieldset className="segmented" aria-label="Your availability">
        {(['online', 'away'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className={status === option ? `segment active ${option}` : 'segment'}
            aria-pressed={status === option}
            disabled={availability.isPending}
            onClick={() => choose(option)}
            data-testid={`availability-${option}`}
          >
            {option === 'online' ? 'Online' : 'Away'}
          </button>
        ))}
      </fieldset>
      <p className="muted small">
        {status === 'away'
          ? 'New conversations go to your teammates.'
          : status === 'online'
            ? 'You receive new conversations in turn.'
            : 'Agents receive conversations unless away.'}
      </p>
      {availability.error && (
        <p className="field-error" role="alert">
          {errorMessage(availability.error)}
        </p>
      )}
    </div>
  );
}
