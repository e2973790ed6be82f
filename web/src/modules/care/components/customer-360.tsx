import { Link } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { RelativeTime } from '../../../shared/ui/relative-time.tsx';
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

/** Lifetime value as one bar: what the customer has spent, and what the model expects them to spend. */
function LifetimeValue({ value, currency }: { value: Customer360['lifetimeValue']; currency: string }) {
  const total = value.totalMinor;
  const historicShare = total > 0 ? (value.historicMinor / total) * 100 : 0;
  return (
    <section className="c360-ltv" aria-label="Lifetime value">
      <h3>
        Lifetime value <strong data-testid="ltv-total">{formatMoney(total, currency)}</strong>
      </h3>
      <div className="c360-ltv-bar" aria-hidden>
        <span className="historic" style={{ width: `${historicShare}%` }} />
        <span className="predicted" style={{ width: `${total > 0 ? 100 - historicShare : 0}%` }} />
      </div>
      <dl className="c360-ltv-split">
        <Figure label="Historic" value={formatMoney(value.historicMinor, currency)} testId="ltv-historic" />
        <Figure
          label="Predicted"
          value={formatMoney(value.predictedMinor, currency)}
          testId="ltv-predicted"
        />
      </dl>
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
