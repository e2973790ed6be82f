import { Link } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { formatFull, RelativeTime } from '../../../shared/ui/relative-time.tsx';
import type { Customer360 } from '../api/care.types.ts';
import { IntentChip } from './care-chips.tsx';
import { IdentityLinksPanel } from './identity-links-panel.tsx';

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="c360-figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

const CONFIDENCE_LABEL = { low: 'low confidence', medium: 'medium confidence', high: 'high confidence' };

/**
 * Lifetime value as one bar: what the customer has spent, and what the estimate expects them to spend, with how
 * it was estimated. Too little history: spend to date only, said so.
 */
function LifetimeValue({ value, currency }: { value: Customer360['lifetimeValue']; currency: string }) {
  const total = value.totalMinor;
  const historicShare = total > 0 ? (value.historicMinor / total) * 100 : 0;
  const estimated = value.status === 'estimated';
  return (
    <section className="c360-ltv" aria-label="Lifetime value" data-status={value.status}>
      <h3>
        Lifetime value <strong data-testid="ltv-total">{formatMoney(total, currency)}</strong>
      </h3>
      {estimated && value.rangeMinor && (
        <p className="small muted" data-testid="ltv-range">
          likely {formatMoney(value.rangeMinor.low, currency)}–{formatMoney(value.rangeMinor.high, currency)}
          {value.confidence && ` · ${CONFIDENCE_LABEL[value.confidence]}`}
        </p>
      )}
      {estimated && (
        <div className="c360-ltv-bar" aria-hidden>
          <span className="historic" style={{ width: `${historicShare}%` }} />
          <span className="predicted" style={{ width: `${total > 0 ? 100 - historicShare : 0}%` }} />
        </div>
      )}
      <dl className="c360-ltv-split">
        <Figure
          label="Spent to date"
          value={formatMoney(value.historicMinor, currency)}
          testId="ltv-historic"
        />
        <Figure
          label="Next 12 months"
          value={estimated ? formatMoney(value.predictedMinor, currency) : 'Too early to estimate'}
          testId="ltv-predicted"
        />
      </dl>
      <p className="small muted" data-testid="ltv-basis">
        {value.basis}
      </p>
    </section>
  );
}

/** The customer's newest orders with this brand, each linking to the order. */
function RecentOrders({ orders }: { orders: Customer360['recentOrders'] }) {
  return (
    <section aria-label="Orders with this brand">
      <h3>Orders</h3>
      {orders.length === 0 ? (
        <p className="muted small">No orders with this brand yet.</p>
      ) : (
        <ul className="c360-orders">
          {orders.map((o) => (
            <li key={o.id} data-testid="c360-order">
              <Link to={`/orders/${o.id}`} className="c360-order">
                <span className="c360-order-ref">{o.reference}</span>
                <span className="small muted">{formatFull(o.createdAt)}</span>
                <strong>{formatMoney(o.totalMinor - o.refundedMinor, o.currency)}</strong>
                <span className={`care-status status-${o.status}`}>{o.status}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Everything Souk knows about the customer with this brand, beside the conversation. */
export function Customer360Panel({
  handle,
  data,
  currentId,
  onOpen,
}: {
  /** The brand whose inbox this is. */
  handle: string;
  data: Customer360;
  currentId: string;
  onOpen: (id: string) => void;
}) {
  // Without orders the server knows no currency; amounts are all zero then, shown in euros.
  const currency = data.currency ?? 'EUR';
  const others = data.conversations.filter((c) => c.id !== currentId);
  return (
    <aside className="customer-360" data-testid="customer-360" aria-label="Customer 360">
      {data.profile ? (
        <>
          <AccountRow account={data.profile} size={40} />
          {data.profile.bio && <p className="c360-bio">{data.profile.bio}</p>}
        </>
      ) : (
        <p className="muted">Unknown customer</p>
      )}
      <dl className="c360-figures">
        <Figure label="Followers" value={data.followersCount.toLocaleString()} testId="c360-followers" />
        <Figure label="Orders" value={String(data.orders)} testId="c360-orders" />
        <Figure label="Spend" value={formatMoney(data.spendMinor, currency)} testId="c360-spend" />
        <Figure label="Deals bought" value={String(data.dealIds.length)} />
      </dl>
      <LifetimeValue value={data.lifetimeValue} currency={currency} />
      <RecentOrders orders={data.recentOrders ?? []} />
      <section aria-label="Previous conversations">
        <h3>Other conversations</h3>
        {others.length === 0 ? (
          <p className="muted small">This is the first conversation with this customer.</p>
        ) : (
          <ul className="c360-history">
            {others.map((c) => (
              <li key={c.id}>
                <button type="button" className="c360-history-item" onClick={() => onOpen(c.id)}>
                  <IntentChip intent={c.intent} testId="c360-intent" />
                  <span className={`care-status status-${c.status}`}>{c.status}</span>
                  <RelativeTime iso={c.openedAt} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.profile && (
        <IdentityLinksPanel
          key={data.profile.id}
          handle={handle}
          customerId={data.profile.id}
          customerHandle={data.profile.handle}
          linked={data.linkedIdentities ?? []}
          pending={data.pendingIdentities ?? []}
        />
      )}
      {data.profile && (
        <Link to={`/@${data.profile.handle}`} className="small">
          Open profile
        </Link>
      )}
    </aside>
  );
}
