import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading, LoadMore } from '../../../shared/ui/status.tsx';
import { type ReferralStatus, referralsApi, STATUS_LABELS } from '../api/advocates.api.ts';
import { AdvocatesTabs } from './advocates-tabs.tsx';
import { ReferralReview } from './referral-review.tsx';
import { ReferralRules } from './referral-rules.tsx';

/** The brand's referrals: the review queue of flagged ones first, every state on demand, and the rules. */
export function ReferralsPage() {
  const { handle = '' } = useParams();
  const [status, setStatus] = useState<ReferralStatus | ''>('flagged');
  const list = useInfiniteQuery({
    queryKey: ['referrals', handle, 'list', status],
    queryFn: ({ pageParam }) => referralsApi.list(handle, { status: status || undefined, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="advocates-page">
      <PageHeader title="Referrals & points" />
      <AdvocatesTabs handle={handle} />
      <ReferralRules handle={handle} />
      <div className="advocates-filters">
        <label>
          Show
          <select
            aria-label="Referral state"
            value={status}
            onChange={(e) => setStatus(e.target.value as ReferralStatus | '')}
          >
            <option value="flagged">Review queue (flagged)</option>
            <option value="">All referrals</option>
            {(Object.keys(STATUS_LABELS) as ReferralStatus[])
              .filter((s) => s !== 'flagged')
              .map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
          </select>
        </label>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorBanner error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState title={status === 'flagged' ? 'Nothing to review' : 'No referrals here yet'} />
      ) : (
        <table className="referral-table" data-testid="brand-referrals">
          <thead>
            <tr>
              <th scope="col">Referrer</th>
              <th scope="col">Buyer</th>
              <th scope="col">Order</th>
              <th scope="col">State</th>
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} data-testid="brand-referral" data-status={r.status}>
                <td data-label="Referrer">
                  <AccountRow account={r.referrer} size={28} />
                </td>
                <td data-label="Buyer">{r.buyer ? <AccountRow account={r.buyer} size={28} /> : '—'}</td>
                <td data-label="Order">
                  {formatMoney(r.totalMinor, r.currency)} · {formatDate(r.placedAt)}
                </td>
                <td data-label="State">
                  <span className="referral-state">{STATUS_LABELS[r.status]}</span>
                  {r.status === 'pending' && (
                    <span className="advocate-detail">until {formatDate(r.earnAt)}</span>
                  )}
                  {r.reason && <span className="advocate-detail">{r.reason}</span>}
                </td>
                <td data-label="Review">
                  {r.status === 'flagged' ? <ReferralReview handle={handle} referral={r} /> : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore query={list} />
    </div>
  );
}
