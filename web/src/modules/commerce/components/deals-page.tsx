import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/format/date.ts';
import { useNow } from '../../../shared/hooks/use-now.ts';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { DealCard } from '../api/commerce.types.ts';
import { DEAL_TYPE_LABELS } from '../api/deal-pricing.ts';
import { useOrgDeals } from '../hooks/use-deals.ts';
import { liveStatus } from './deal-countdown.tsx';
import { DealEditor } from './deal-editor.tsx';
import { DealStatusBadge } from './deal-stock.tsx';
import { Workspace } from './workspace-page.tsx';

function DealRow({
  card,
  handle,
  now,
  fresh,
}: {
  card: DealCard;
  handle: string;
  now: number;
  fresh: boolean;
}) {
  const [editing, setEditing] = useState(false);
  // An early end is known the moment it happens, before the list's clock ticks past the new end.
  const status = card.endedEarlyAt ? 'ended' : liveStatus(card, now);
  return (
    <Fragment>
      <tr data-testid="deal-row" data-deal-id={card.id} className={fresh ? 'row-fresh' : undefined}>
        <td>
          <Link to={`/posts/${card.id}`}>
            {card.title ?? card.items.map((i) => i.product.title).join(' + ')}
          </Link>
          <div className="muted small">
            {DEAL_TYPE_LABELS[card.type]}
            {card.percentOff ? ` ${card.percentOff}%` : ''} · {card.endedEarlyAt ? 'ended early ' : 'until '}
            <span data-testid="deal-row-ends">{formatDateTime(card.endsAt)}</span>
          </div>
        </td>
        <td>
          <DealStatusBadge status={status} />
        </td>
        <td className="num">
          {card.sold}
          {card.quantityCap !== null && ` / ${card.quantityCap}`}
        </td>
        <td className="deal-row-actions">
          {status !== 'ended' && (
            <button
              type="button"
              className="btn btn-ghost btn-xs"
              aria-expanded={editing}
              onClick={() => setEditing((v) => !v)}
              data-testid="deal-edit"
            >
              Edit
            </button>
          )}
          <Link to={`/orgs/${handle}/deals/${card.id}/sales`} className="btn btn-ghost btn-xs">
            Sales
          </Link>
        </td>
      </tr>
      {editing && status !== 'ended' && (
        <tr className="deal-editor-row">
          <td colSpan={4}>
            <DealEditor card={card} handle={handle} onDone={() => setEditing(false)} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function Deals({ handle }: { handle: string }) {
  const deals = useOrgDeals(handle);
  const now = useNow(30_000);
  const [params] = useSearchParams();
  const published = params.get('published');
  if (deals.isPending) return <Loading />;
  if (deals.error) return <ErrorBanner error={deals.error} />;
  const items = deals.data?.items ?? [];
  return (
    <section className="panel" aria-label="Deals">
      {published && (
        <p className="success-text" role="status" data-testid="deal-published">
          Published to your feed. <Link to={`/posts/${published}`}>See the post</Link>
        </p>
      )}
      {items.length === 0 ? (
        <EmptyState title="No deals yet">
          A deal is a post on your feed that followers can buy from.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th>Deal</th>
                <th>Status</th>
                <th className="num">Sold</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <DealRow key={d.id} card={d} handle={handle} now={now} fresh={d.id === published} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** `/orgs/:handle/deals`: the brand's deals with their status, sold units and a link to their sales. */
export function DealsPage() {
  return (
    <Workspace
      area="deals"
      title="Deals"
      actions={
        <Link to="new" relative="path" className="btn btn-primary btn-sm" data-testid="deal-new">
          New deal
        </Link>
      }
    >
      {({ handle }) => <Deals handle={handle} />}
    </Workspace>
  );
}
