import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState } from '../../../shared/ui/status.tsx';
import { CONVERSATION_SORTS, type ConversationFilter, type ConversationSort } from '../api/care.types.ts';
import { useInboxAccess } from '../hooks/use-inbox-access.ts';
import { ConversationList } from './conversation-list.tsx';
import { ConversationPane } from './conversation-pane.tsx';
import { InboxFilters, type InboxView, type QueueChoice } from './inbox-filters.tsx';

const VIEWS: InboxView[] = ['open', 'pending', 'resolved', 'snoozed'];

/** The inbox state lives in the URL (?status=&queue=&sort=&c=), so a link or a reload opens the same view. */
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
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return { status, queue, sort, selectedId, set };
}

export function InboxPage() {
  const { handle = '' } = useParams();
  const { membership, canWork, canManageRules } = useInboxAccess(handle);
  const { status, queue, sort, selectedId, set } = useInboxParams();
  if (!membership || !canWork) {
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
    ...(status === 'snoozed' ? { snoozed: true } : { status }),
    queueId: queue.kind === 'queue' ? queue.id : undefined,
    mine: queue.kind === 'mine' ? true : undefined,
    sort,
  };
  return (
    <div className="inbox-workspace" data-testid="inbox-page">
      <PageHeader title={`${membership.org.name} · Inbox`}>
        <Link
          to={`/orgs/${brand}/inbox/report`}
          className="btn btn-secondary btn-sm"
          data-testid="inbox-report-link"
        >
          Report
        </Link>
        <Link
          to={`/orgs/${brand}/inbox/setup`}
          className="btn btn-secondary btn-sm"
          data-testid="inbox-setup-link"
        >
          Canned replies & queues
        </Link>
        <Link
          to={`/orgs/${brand}/inbox/sla`}
          className="btn btn-secondary btn-sm"
          data-testid="inbox-sla-link"
        >
          SLA settings
        </Link>
        {canManageRules && (
          <Link
            to={`/orgs/${brand}/inbox/rules`}
            className="btn btn-secondary btn-sm"
            data-testid="inbox-rules-link"
          >
            Routing rules
          </Link>
        )}
      </PageHeader>
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
          onSelect={(id) => set({ c: id })}
          onSort={(next) => set({ sort: next === 'urgency' ? null : next })}
        />
        <ConversationPane handle={brand} id={selectedId} onOpen={(id) => set({ c: id })} />
      </div>
    </div>
  );
}
