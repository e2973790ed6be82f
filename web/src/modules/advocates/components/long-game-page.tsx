import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { type ChartOption, EChart } from '../../../shared/ui/echart.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { type LongGame, tiersApi } from '../api/advocates.api.ts';
import { AdvocatesTabs } from './advocates-tabs.tsx';

type Lift = LongGame['engagement']['lift']['spendPerCustomer'];
type Group = LongGame['engagement']['engaged'];

const pct = (x: number) => `${x >= 0 ? '+' : ''}${Math.round(x * 100)}%`;

/** A lift with its 95% interval, in words a person can check. */
function LiftCell({ lift, testId }: { lift: Lift; testId: string }) {
  if (lift.lift === null) return <span className="muted">no comparison</span>;
  return (
    <span data-testid={testId}>
      <strong>{pct(lift.lift)}</strong>{' '}
      {lift.low !== null && lift.high !== null ? (
        <span className="muted small" data-testid={`${testId}-interval`}>
          95% interval {pct(lift.low)} to {pct(lift.high)}
          {lift.low <= 0 && lift.high >= 0 ? ' (could be no effect)' : ''}
        </span>
      ) : (
        <span className="muted small">too few people for an interval</span>
      )}
    </span>
  );
}

function Comparison(props: {
  title: string;
  a: [string, Group];
  b: [string, Group];
  lift: LongGame['engagement']['lift'];
  currency: string;
  testId: string;
}) {
  const { a, b, lift, currency } = props;
  const rows: [string, (g: Group) => string, Lift][] = [
    ['Spend per customer', (g) => formatMoney(g.spendPerCustomer, currency), lift.spendPerCustomer],
    ['Repeat rate', (g) => `${Math.round(g.repeatRate * 100)}%`, lift.repeatRate],
    ['Lifetime value', (g) => formatMoney(g.lifetimeValue, currency), lift.lifetimeValue],
  ];
  return (
    <section className="long-game-card" data-testid={props.testId}>
      <h2 className="advocates-heading">{props.title}</h2>
      <table className="referral-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">
              {a[0]} ({a[1].customers})
            </th>
            <th scope="col">
              {b[0]} ({b[1].customers})
            </th>
            <th scope="col">Lift</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, show, l]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td data-label={a[0]}>{show(a[1])}</td>
              <td data-label={b[0]}>{show(b[1])}</td>
              <td data-label="Lift">
                <LiftCell lift={l} testId={`${props.testId}-${label.toLowerCase().replaceAll(' ', '-')}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The long game: do engaged customers and advocates spend more, come back more, and are worth more? */
export function LongGamePage() {
  const { handle = '' } = useParams();
  const game = useQuery({ queryKey: ['long-game', handle], queryFn: () => tiersApi.longGame(handle) });
  if (game.isPending) return <Loading />;
  if (game.error) return <ErrorBanner error={game.error} />;
  const g = game.data;
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { data: ['Engaged', 'Not engaged'] },
    grid: { left: 56, right: 12, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: g.cohorts.map((c) => c.month) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(v, g.currency) } },
    series: [
      { name: 'Engaged', type: 'bar', data: g.cohorts.map((c) => c.engaged.spendPerCustomer) },
      { name: 'Not engaged', type: 'bar', data: g.cohorts.map((c) => c.notEngaged.spendPerCustomer) },
    ],
  };
  return (
    <div className="advocates-page" data-testid="long-game">
      <PageHeader title="Advocates" />
      <AdvocatesTabs handle={handle} />
      <p className="muted small">
        Customers by the month of their first order. Engaged: they followed the brand, replied, reshared,
        talked to its care team or took part in its ideas before that order. Lifts compare the groups’ means;
        the 95% interval comes from 2,000 bootstrap resamples. Engagement goes with spending; it does not
        prove it causes it.
      </p>
      {g.cohorts.length === 0 ? (
        <EmptyState title="No customers in the last 12 months" />
      ) : (
        <>
          <Comparison
            title="Engaged before the first order"
            a={['Engaged', g.engagement.engaged]}
            b={['Not engaged', g.engagement.notEngaged]}
            lift={g.engagement.lift}
            currency={g.currency}
            testId="lift-engaged"
          />
          <EChart
            option={option}
            label="Spend per customer by cohort month"
            testId="cohort-chart"
            height={260}
          />
          <Comparison
            title="Advocates against other customers"
            a={['Advocates', g.advocacy.advocates]}
            b={['Others', g.advocacy.others]}
            lift={g.advocacy.lift}
            currency={g.currency}
            testId="lift-advocates"
          />
        </>
      )}
    </div>
  );
}
