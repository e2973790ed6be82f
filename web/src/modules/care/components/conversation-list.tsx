import { Avatar } from '../../../shared/ui/avatar.tsx';
import { formatFull, RelativeTime } from '../../../shared/ui/relative-time.tsx';
import { EmptyState, ErrorBanner, Loading, LoadMore } from '../../../shared/ui/status.tsx';
import {
  CONVERSATION_SORTS,
  type Conversation,
  type ConversationFilter,
  type ConversationSort,
  isSnoozed,
} from '../api/care.types.ts';
import { useConversations } from '../hooks/use-inbox.ts';
import { IntentChip, PriorityChip, SentimentIndicator } from './care-chips.tsx';
import { SlaTimer } from './sla-timer.tsx';

function ConversationRow({
  conversation,
  selected,
  onSelect,
}: {
  conversation: Conversation;
  selected: boolean;
  onSelect: () => void;
}) {
  const c = conversation;
  return (
    <li>
      <button
        type="button"
        className={selected ? 'inbox-row selected' : 'inbox-row'}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
        data-testid="inbox-conversation"
        data-conversation-id={c.id}
        data-status={c.status}
      >
        <span className="inbox-row-top">
          {c.customer && <Avatar account={c.customer} size={32} />}
          <span className="inbox-row-who">
            <span className="truncate inbox-row-name">{c.customer?.name ?? 'Unknown customer'}</span>
            <span className="handle truncate">@{c.customer?.handle ?? '?'}</span>
          </span>
          <RelativeTime iso={c.lastCustomerMessageAt} />
        </span>
        <span className="inbox-row-chips">
          <IntentChip intent={c.intent} />
          {c.needsReview && (
            <span
              className="care-chip needs-review"
              data-testid="inbox-needs-review"
              title="Triage was unsure"
            >
              Needs review · {Math.round(100 * c.intentConfidence)}%
            </span>
          )}
          <SentimentIndicator sentiment={c.sentiment} />
          <PriorityChip priority={c.priority} />
        </span>
        <span className="inbox-row-meta">
          <span className="inbox-queue" data-testid="inbox-queue">
            {c.queue?.name ?? 'No queue'}
          </span>
          <span className="inbox-assignee truncate" data-testid="inbox-assignee">
            {c.assignee ? `@${c.assignee.handle}` : 'Unassigned'}
          </span>
          <SlaTimer conversation={c} />
        </span>
        {isSnoozed(c) && (
          <span className="care-snoozed small" data-testid="inbox-snoozed">
            Snoozed until {formatFull(c.snoozedUntil!)}
          </span>
        )}
      </button>
    </li>
  );
}

/** The list header: how the conversations are ordered (kept in the URL by the page). */
function SortControl({ sort, onSort }: { sort: ConversationSort; onSort: (sort: ConversationSort) => void }) {
  return (
    <div className="inbox-list-header">
      <label className="small muted" htmlFor="inbox-sort">
        Sort
      </label>
      <select
        id="inbox-sort"
        className="inbox-sort"
        value={sort}
        onChange={(e) => onSort(e.target.value as ConversationSort)}
        data-testid="inbox-sort"
      >
        {CONVERSATION_SORTS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The middle pane: the conversations of the chosen queue and status, most urgent first unless sorted otherwise, live. */
export function ConversationList({
  handle,
  filter,
  selectedId,
  onSelect,
  onSort,
}: {
  handle: string;
  filter: ConversationFilter;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onSort: (sort: ConversationSort) => void;
}) {
  const query = useConversations(handle, filter);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="inbox-pane inbox-list" aria-label="Conversations">
      <SortControl sort={filter.sort ?? 'urgency'} onSort={onSort} />
      {query.isPending ? (
        <Loading />
      ) : query.error && items.length === 0 ? (
        <ErrorBanner error={query.error} />
      ) : items.length === 0 ? (
        filter.needsReview ? (
          <EmptyState title="Nothing needs review">
            <p>
              Messages triage is unsure of wait here, in no queue, until an agent chooses their intent. The
              brand sets how sure triage must be in the inbox settings.
            </p>
          </EmptyState>
        ) : filter.snoozed ? (
          <EmptyState title="No snoozed conversations">
            <p>A snoozed conversation waits here until its time comes or the customer writes again.</p>
          </EmptyState>
        ) : (
          <EmptyState title={`No ${filter.status} conversations`}>
            <p>Mentions, replies and direct messages to the brand land here as they arrive.</p>
          </EmptyState>
        )
      ) : (
        <ul className="inbox-rows" data-testid="inbox-list">
          {items.map((c) => (
            <ConversationRow
              key={c.id}
              conversation={c}
              selected={c.id === selectedId}
              onSelect={() => onSelect(c.id)}
            />
          ))}
        </ul>
      )}
      <LoadMore query={query} />
    </section>
  );
}
