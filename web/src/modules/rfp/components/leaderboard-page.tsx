import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, Loading, PageError } from '../../../shared/ui/status.tsx';
import { rfpApi, rfpKeys } from '../api/rfp.api.ts';

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** The social sales team's month: revenue credited per person, targets, the social selling index, commission. */
export function LeaderboardPage() {
  const { handle = '' } = useParams();
  const [month, setMonth] = useState(thisMonth());
  const board = useQuery({
    queryKey: rfpKeys.leaderboard(handle, month),
    queryFn: () => rfpApi.leaderboard(handle, month),
  });
  return (
    <div className="rfp-page">
      <PageHeader title="Sales team">
        <input
          type="month"
          value={month}
          onChange={(e) => e.target.value && setMonth(e.target.value)}
          aria-label="Month"
        />
      </PageHeader>
      {board.isPending && <Loading />}
      {board.error && <PageError error={board.error} notFoundTitle="No such brand" />}
      {board.data?.items.length === 0 && <EmptyState title="No one with the sales role yet" />}
      <ol className="leaderboard" data-testid="leaderboard">
        {board.data?.items.map((r) => (
          <li key={r.member?.id} className="leaderboard-row" data-testid="leaderboard-row">
            <header>
              <strong>@{r.member?.handle}</strong>
              <span className="leaderboard-revenue" data-testid="leaderboard-revenue">
                {formatMoney(r.revenueMinor, r.currency)}
              </span>
            </header>
            <p className="rfp-meta">
              {r.target
                ? `${Math.round((r.attainment ?? 0) * 100)}% of ${formatMoney(r.target.revenueMinor, r.currency)} · `
                : 'No target · '}
              {r.pitches} pitches{r.target ? ` of ${r.target.pitches}` : ''} · {r.quotes} quotes · {r.orders}{' '}
              orders · commission {formatMoney(r.commissionMinor, r.currency)}
            </p>
            <p className="rfp-meta">
              From pitches {formatMoney(r.revenueBy.pitches, r.currency)}, quotes{' '}
              {formatMoney(r.revenueBy.quotes, r.currency)}, referral links{' '}
              {formatMoney(r.revenueBy.referrals, r.currency)}, posts{' '}
              {formatMoney(r.revenueBy.posts, r.currency)}
            </p>
            <details>
              <summary>Social selling index {r.ssi.total} / 100</summary>
              <ul className="ssi-parts">
                {r.ssi.parts.map((p) => (
                  <li key={p.key}>
                    <strong>
                      {p.label}: {p.score} / 25
                    </strong>{' '}
                    <span className="rfp-meta">{p.explanation}</span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ol>
      {board.data && (
        <p>
          <a href={`/api/v1/orgs/${encodeURIComponent(handle)}/sales-commission.csv?month=${month}`} download>
            Commission for payroll (CSV, managers)
          </a>
        </p>
      )}
    </div>
  );
}
