import { AccountRow } from '../../../shared/ui/account-row.tsx';
import type { Advocate } from '../api/advocates.api.ts';

const fixed = (n: number, digits = 2) => n.toFixed(digits);
const amount = (minor: number) => (minor / 100).toFixed(2);

/** What each factor means, shown above the table and as the column titles. */
export const FACTOR_HELP = {
  reach:
    'Follow-graph PageRank × the number of people: 1 is an average person, 3 reaches three times as far (followers of followers count).',
  value:
    '1 + lifetime value ÷ the brand’s mean customer lifetime value: 1 for a follower who never bought, 2 for an average customer.',
  conversion:
    'Of the people who arrived through their referral link, the share who bought, smoothed as (bought + 1) ÷ (arrived + 2) so nobody is zeroed before referring anyone.',
} as const;

function Factor({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <td data-label={label}>
      <strong>{value}</strong>
      <span className="advocate-detail">{detail}</span>
    </td>
  );
}

/** The ranked advocates: one row per person on wide screens, one card per person on phones (CSS). */
export function AdvocatesTable({ items }: { items: Advocate[] }) {
  return (
    <table className="advocates-table" data-testid="advocates-table">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Person</th>
          <th scope="col" title={FACTOR_HELP.reach}>
            Reach
          </th>
          <th scope="col" title={FACTOR_HELP.value}>
            Value
          </th>
          <th scope="col" title={FACTOR_HELP.conversion}>
            Referral conversion
          </th>
          <th scope="col">Score</th>
          <th scope="col">Community</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a, i) => (
          <tr key={a.account.id} data-testid="advocate-row" data-handle={a.account.handle}>
            <td data-label="Rank" className="advocate-rank">
              {i + 1}
            </td>
            <td data-label="Person" className="advocate-person">
              <AccountRow account={a.account} size={32} />
              <span className="advocate-tags">
                {a.follower && <span className="advocate-chip">follower</span>}
                {a.customer && <span className="advocate-chip">customer</span>}
                {a.bridge && (
                  <span className="advocate-chip accent" title="Their follows span several communities">
                    bridge
                  </span>
                )}
              </span>
            </td>
            <Factor
              label="Reach"
              value={`${fixed(a.reach)}×`}
              detail={`${a.followers} followers · amplification ${fixed(a.amplification)}${
                a.reshareSalesMinor > 0 ? ` · ${amount(a.reshareSalesMinor)} sold via reshares` : ''
              }`}
            />
            <Factor
              label="Value"
              value={`×${fixed(a.valueFactor)}`}
              detail={`lifetime value ${amount(a.lifetimeValueMinor)}`}
            />
            <Factor
              label="Referral conversion"
              value={`${Math.round(a.referralConversion * 100)}%`}
              detail={`${a.referralsConverted} of ${a.referralsTouched} referred bought`}
            />
            <td data-label="Score" className="advocate-score" data-testid="advocate-score">
              {fixed(a.score, 3)}
            </td>
            <td data-label="Community">{a.community < 0 ? '—' : `#${a.community}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
