import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { type OrderReturn, RETURN_REASONS, RETURN_STATUS_TEXT, shopApi } from '../api/shop-basics.api.ts';
import { commerceKeys } from '../hooks/commerce-keys.ts';
import { Workspace } from './workspace-page.tsx';

function ReturnRow({ handle, item }: { handle: string; item: OrderReturn }) {
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const act = useMutation({
    mutationFn: (step: 'approve' | 'reject' | 'receive') =>
      step === 'approve'
        ? shopApi.approveReturn(item.id, note || undefined)
        : step === 'reject'
          ? shopApi.rejectReturn(item.id, note)
          : shopApi.receiveReturn(item.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['returns', handle] });
      void client.invalidateQueries({ queryKey: commerceKeys.orders });
    },
  });
  return (
    <li className="order-card" data-testid="return-row">
      <div className="order-card-head">
        <Link to={`/orders/${item.orderId}`}>
          <strong>
            {item.quantity} × {item.title}
          </strong>
        </Link>
        <span className={`chip chip-${item.status}`} data-testid="return-status">
          {RETURN_STATUS_TEXT[item.status]}
        </span>
      </div>
      <span className="muted small">
        {RETURN_REASONS.find((r) => r.value === item.reason)?.label}
        {item.note ? `: “${item.note}”` : ''}
        {item.decisionNote ? ` · ${item.decisionNote}` : ''}
      </span>
      {item.status === 'requested' && (
        <div className="return-actions">
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="Reason (needed to reject)"
            aria-label="Reason"
          />
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => act.mutate('approve')}
            data-testid="return-approve"
          >
            Approve
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={!note.trim()}
            onClick={() => act.mutate('reject')}
            data-testid="return-reject"
          >
            Reject
          </button>
        </div>
      )}
      {item.status === 'approved' && (
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => act.mutate('receive')}
          data-testid="return-receive"
        >
          Received: refund
        </button>
      )}
      {act.error && <ErrorBanner error={act.error} />}
    </li>
  );
}

function Returns({ handle }: { handle: string }) {
  const returns = useQuery({ queryKey: ['returns', handle], queryFn: () => shopApi.orgReturns(handle) });
  if (returns.isPending) return <Loading />;
  if (returns.error) return <ErrorBanner error={returns.error} />;
  if (returns.data.items.length === 0) return <EmptyState title="No returns" />;
  return (
    <ul className="plain-list">
      {returns.data.items.map((r) => (
        <ReturnRow key={r.id} handle={handle} item={r} />
      ))}
    </ul>
  );
}

/** `/orgs/:handle/returns`: returns buyers asked for; approve or reject, then mark received to refund. */
export function ReturnsPage() {
  return (
    <Workspace area="orders" title="Returns">
      {({ handle }) => <Returns handle={handle} />}
    </Workspace>
  );
}
