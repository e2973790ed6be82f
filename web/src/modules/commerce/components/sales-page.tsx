import { useNavigate, useParams } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { SalesReport } from '../api/commerce.types.ts';
import type { ShopAccess } from '../hooks/use-brand-roles.ts';
import { useOrgDeals, useSales } from '../hooks/use-deals.ts';
import { AttributionSettings } from './attribution-settings.tsx';
import { RevenueBySource, RevenueOverTime, sourceLabel } from './sales-charts.tsx';
import { Workspace } from './workspace-page.tsx';

const count = (n: number) => new Intl.NumberFormat().format(n);

type Kpi = { label: string; value: string; how: string; testId: string };

/** Each figure with one line saying how it is counted, so no figure can be read for more than it is. */
function kpisOf(report: SalesReport, currency: string): Kpi[] {
  return [
    {
      label: 'Impressions',
      value: count(report.impressions),
      how: 'Times a deal card was shown in a feed.',
      testId: 'sales-impressions',
    },
    {
      label: 'Clicks on Buy',
      value: count(report.clicks),
      how: 'Presses of Buy on a deal card, signed in or not.',
      testId: 'sales-clicks',
    },
    {
      label: 'Orders',
      value: count(report.orders),
      how: 'Orders placed and not cancelled, from deals and from the shop.',
      testId: 'sales-orders',
    },
    {
      label: 'Orders after a click',
      value: count(report.ordersAfterClick),
      how: 'Orders by someone who pressed Buy on that deal, signed in, before ordering.',
      testId: 'sales-orders-after-click',
    },
    {
      label: 'Orders without a click',
      value: count(report.ordersWithoutClick),
      how: 'Orders with no recorded click before them: the shop, a cart, a shared link.',
      testId: 'sales-orders-without-click',
    },
    {
      label: 'Units',
      value: count(report.units),
      how: 'Items in those orders.',
      testId: 'sales-units',
    },
    {
      label: 'Revenue',
      value: formatMoney(report.revenueMinor, currency),
      how: 'Paid, less refunds; cancelled orders count nothing.',
      testId: 'sales-revenue',
    },
    {
      label: 'Conversion',
      value: report.conversionRate === null ? '—' : `${(report.conversionRate * 100).toFixed(1)}%`,
      how: `Clicks on Buy that the same person followed with an order (${count(report.clicksConverted)}), out of all clicks (${count(report.clicks)}).`,
      testId: 'sales-conversion',
    },
  ];
}

function Kpis({ report, currency }: { report: SalesReport; currency: string }) {
  return (
    <div className="kpis">
      {kpisOf(report, currency).map((k) => (
        <div key={k.label} className="kpi">
          <span className="kpi-label">{k.label}</span>
          <span className="kpi-value" data-testid={k.testId}>
            {k.value}
          </span>
          <span className="kpi-how muted small" data-testid={`${k.testId}-how`}>
            {k.how}
          </span>
        </div>
      ))}
    </div>
  );
}

function SourcesTable({ report, currency }: { report: SalesReport; currency: string }) {
  if (report.revenueBySource.length === 0) return <p className="muted">No orders yet.</p>;
  return (
    <table className="data-table" data-testid="sales-by-source">
      <thead>
        <tr>
          <th>Source</th>
          <th className="num">Orders</th>
          <th className="num">Revenue</th>
        </tr>
      </thead>
      <tbody>
        {report.revenueBySource.map((s) => (
          <tr key={`${s.kind}:${s.account?.handle ?? ''}`} data-testid="sales-source" data-kind={s.kind}>
            <td>{sourceLabel(s)}</td>
            <td className="num">{s.orders}</td>
            <td className="num">{formatMoney(s.revenueMinor, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Sales({ handle, access }: { handle: string; access: ShopAccess }) {
  const { dealId } = useParams();
  const navigate = useNavigate();
  const report = useSales(handle, dealId);
  const deals = useOrgDeals(handle);
  const cards = deals.data?.items ?? [];
  // The report carries no currency: the brand's deals are priced in theirs.
  const currency = cards.find((d) => d.id === dealId)?.currency ?? cards[0]?.currency ?? 'EUR';
  return (
    <>
      <div className="workspace-toolbar panel">
        <label htmlFor="sales-deal" className="small">
          Showing
        </label>
        <select
          id="sales-deal"
          className="compact-select"
          value={dealId ?? ''}
          data-testid="sales-deal"
          onChange={(e) =>
            navigate(
              e.target.value ? `/orgs/${handle}/deals/${e.target.value}/sales` : `/orgs/${handle}/sales`,
            )
          }
        >
          <option value="">The whole deal feed</option>
          {cards.map((d) => (
            <option key={d.id} value={d.id}>
              {d.items.map((i) => i.product.title).join(' + ')} · {formatDate(d.startsAt)}
            </option>
          ))}
        </select>
      </div>
      {report.isPending ? (
        <Loading />
      ) : report.error ? (
        <ErrorBanner error={report.error} />
      ) : !report.data ? (
        <EmptyState title="No figures" />
      ) : (
        <>
          <section className="panel" aria-label="Totals">
            <Kpis report={report.data} currency={currency} />
          </section>
          <section className="panel" aria-labelledby="sales-days">
            <h2 id="sales-days">Revenue over time</h2>
            <RevenueOverTime report={report.data} currency={currency} />
          </section>
          <section className="panel" aria-labelledby="sales-sources">
            <h2 id="sales-sources">Revenue by source</h2>
            <RevenueBySource report={report.data} currency={currency} />
            <SourcesTable report={report.data} currency={currency} />
          </section>
        </>
      )}
      {access.settings && (
        <section className="panel" aria-labelledby="sales-attribution">
          <h2 id="sales-attribution">Attribution</h2>
          <p className="muted small">
            An order is credited to the post, reshare or referral link that led to it within this window.
          </p>
          <AttributionSettings handle={handle} />
        </section>
      )}
    </>
  );
}

/** `/orgs/:handle/sales` and `/orgs/:handle/deals/:dealId/sales`: the deal feed's figures and where sales came from. */
export function SalesPage() {
  return (
    <Workspace area="sales" title="Sales">
      {({ handle, access }) => <Sales handle={handle} access={access} />}
    </Workspace>
  );
}
