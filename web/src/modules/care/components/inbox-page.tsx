import { useEffect } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ArrowLeftIcon } from '../../../shared/ui/icons.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState } from '../../../shared/ui/status.tsx';
import { CONVERSATION_SORTS, type ConversationFilter, type ConversationSort } from '../api/care.types.ts';
import { useInboxAccess } from '../hooks/use-inbox-access.ts';
import { ConversationList } from './conversation-list.tsx';
import { ConversationPane } from './conversation-pane.tsx';
import { InboxFilters, type InboxView, type QueueChoice } from './inbox-filters.tsx';

const VIEWS: InboxView[] = ['open', 'pending', 'resolved', 'snoozed', 'review'];
/** The width below which the inbox shows the list or the conversation, never both (care-inbox.css). */
const SINGLE_PANE = '(max-width: 900px)';

/**
 * The inbox state lives in the URL (?status=&queue=&sort=&c=), so a link or a reload opens the same view. Opening
 * a conversation adds a history entry, so the phone's back gesture returns to the list, as in a mail app.
 */
function useInboxParams() {
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const status: InboxView = VIEWS.includes(rawStatus as InboxView) ? (rawStatus as InboxView) : 'open';
  const rawQueue = params.get('queue');
  const queue: QueueChoice =
    rawQueue === 'mine' ? { kind: 'mine' } : rawQueue ? { kind: 'queue', id: rawQueue } : { kind: 'all' };
  const rawSort = params.get('sort');
  // Most urgent first unless the URL says otherwise: an urgent complaint near its due time tops the list.
  const sort: ConversationSort = CONVERSATION_SORTS.some((s) => s.value === rawSort)
    ? (rawSort as ConversationSort)
    : 'urgency';
  const selectedId = params.get('c');
  const location = useLocation();
  const navigate = useNavigate();
  const set = (changes: Record<string, string | null>, history: 'push' | 'replace' = 'replace') =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      history === 'push' ? { state: { openedFromList: true } } : { replace: true, state: location.state },
    );
  const open = (id: string) => set({ c: id }, 'push');
  // Back to the list: the entry the conversation was opened from, else the list in place of a shared link.
  const close = () => (location.state?.openedFromList ? navigate(-1) : set({ c: null }));
  return { status, queue, sort, selectedId, set, open, close };
}

export function InboxPage() {
  const { handle = '' } = useParams();
  const { membership, canWork, salesOnly } = useInboxAccess(handle);
  const { status, queue, sort, selectedId, set, open, close } = useInboxParams();
  // Where one pane shows at a time, an opened conversation starts at its header, not at the list's scroll.
  useEffect(() => {
    if (selectedId && window.matchMedia(SINGLE_PANE).matches) window.scrollTo(0, 0);
  }, [selectedId]);
  if (!membership || !(canWork || salesOnly)) {
    return (
      <>
        <PageHeader title="Inbox" back />
        <EmptyState
          title={membership ? 'Your role does not open the inbox' : `You are not on the team of @${handle}`}
        >
          <Link to={`/@${handle}`}>View its profile</Link>
        </EmptyState>
      </>
    );
  }
  const brand = membership.org.handle;
  const filter: ConversationFilter = {
    ...(status === 'snoozed' ? { snoozed: true } : status === 'review' ? { needsReview: true } : { status }),
    queueId: queue.kind === 'queue' ? queue.id : undefined,
    mine: queue.kind === 'mine' ? true : undefined,
    sort,
  };
  return (
    <div
      className={selectedId ? 'inbox-workspace has-selection' : 'inbox-workspace'}
      data-testid="inbox-page"
    >
      <PageHeader title={`${membership.org.name} · Inbox`} />
      {salesOnly && (
        <p className="muted small inbox-sales-note" data-testid="inbox-sales-only">
          Conversations care routes to sales: requests for proposals and price requests.
        </p>
      )}
      <div className="inbox-panes">
        <InboxFilters
          handle={brand}
          queue={queue}
          status={status}
          onQueue={(choice) =>
            set({ queue: choice.kind === 'all' ? null : choice.kind === 'mine' ? 'mine' : choice.id })
          }
          onStatus={(next) => set({ status: next === 'open' ? null : next })}
        />
        <ConversationList
          handle={brand}
          filter={filter}
          selectedId={selectedId}
          onSelect={open}
          onSort={(next) => set({ sort: next === 'urgency' ? null : next })}
        />
        <div className="inbox-detail-column">
          {selectedId && (
            <button type="button" className="inbox-back" onClick={close} data-testid="inbox-back">
              <ArrowLeftIcon size={18} /> Conversations
            </button>
          )}
          <ConversationPane handle={brand} id={selectedId} onOpen={open} />
        </div>
      </div>
    </div>
  );
}
