import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { KIND_LABELS, referralsApi, STATUS_LABELS } from '../api/advocates.api.ts';

/** The person's referral code, the orders it brought with their state, and their points per brand. */
export function MyRewardsPage() {
  const referrals = useQuery({
    queryKey: ['referrals', 'mine'],
    queryFn: () => referralsApi.mine(),
    refetchInterval: 10_000,
  });
  const points = useQuery({ queryKey: ['referrals', 'points'], queryFn: () => referralsApi.contributions() });
  if (referrals.isPending || points.isPending) return <Loading />;
  if (referrals.error || points.error) return <ErrorBanner error={referrals.error ?? points.error} />;
  return (
    <div className="advocates-page" data-testid="my-rewards">
      <PageHeader title="Referrals & points" />
      <section className="referral-link">
        <span>
          Your referral code: <code data-testid="my-referral-code">{referrals.data.code}</code>
        </span>
        <span className="muted small">
          Share any deal with its Share button: the link carries your code. A friend’s first order with the
          brand counts once the brand’s hold period has passed.
        </span>
      </section>
      <h2 className="advocates-heading">Points</h2>
      {points.data.brands.length === 0 ? (
        <EmptyState title="No points yet">
          Referrals, reshares that sell and implemented ideas earn points; points over the last 12 months set
          your tier with each brand.
        </EmptyState>
      ) : (
        <ul className="rewards-brands">
          {points.data.brands.map((b) => (
            <li key={b.brand.id} data-testid="rewards-brand">
              <AccountRow account={b.brand} size={28} trailing={<strong>{b.points} points</strong>} />
              <span className="tier-line">
                <span className="tier-badge" data-testid="my-tier">
                  {b.tier.name}
                </span>
                <span className="muted small">{b.last12Months} points in the last 12 months</span>
              </span>
              {b.next && b.pointsToNext !== null && (
                <span className="tier-progress">
                  <progress
                    max={b.next.minPoints}
                    value={b.last12Months}
                    aria-label={`Progress to ${b.next.name}`}
                  />
                  <span className="small" data-testid="tier-next">
                    {b.pointsToNext} more to {b.next.name}: {b.next.perks}
                  </span>
                </span>
              )}
              {b.tier.perks && <span className="muted small">Your perks: {b.tier.perks}</span>}
            </li>
          ))}
        </ul>
      )}
      {points.data.items.length > 0 && (
        <table className="referral-table" data-testid="my-ledger">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Brand</th>
              <th scope="col">How</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            {points.data.items.map((e) => (
              <tr key={e.id}>
                <td data-label="When">{formatDate(e.createdAt)}</td>
                <td data-label="Brand">
                  <Link to={`/@${e.brand.handle}`}>{e.brand.name}</Link>
                </td>
                <td data-label="How">
                  <strong>{KIND_LABELS[e.kind]}</strong>
                  <span className="advocate-detail">{e.note}</span>
                </td>
                <td data-label="Points">{e.points > 0 ? `+${e.points}` : e.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="advocates-heading">Referrals</h2>
      {referrals.data.items.length === 0 ? (
        <EmptyState title="No referrals yet" />
      ) : (
        <table className="referral-table" data-testid="my-referrals">
          <thead>
            <tr>
              <th scope="col">Brand</th>
              <th scope="col">Order</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {referrals.data.items.map((r) => (
              <tr key={r.id} data-testid="my-referral" data-status={r.status}>
                <td data-label="Brand">
                  <Link to={`/@${r.brand.handle}`}>{r.brand.name}</Link>
                </td>
                <td data-label="Order">
                  {formatMoney(r.totalMinor, r.currency)} · {formatDate(r.placedAt)}
                </td>
                <td data-label="State">
                  <span className="referral-state">{STATUS_LABELS[r.status]}</span>
                  {r.status === 'pending' && (
                    <span className="advocate-detail">counts from {formatDate(r.earnAt)}</span>
                  )}
                  {r.reason && <span className="advocate-detail">{r.reason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
