import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/format/date.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { type ChartOption, EChart } from '../../../shared/ui/echart.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Loading, PageError } from '../../../shared/ui/status.tsx';
import type { BriefingFigures } from '../api/briefings.api.ts';
import { useBriefing } from '../hooks/use-briefings.ts';

const pct = (v: number) => `${Math.round(v * 100)}%`;
const minutes = (m: number | null) =>
  m === null
    ? 'n/a'
    : m < 90
      ? `${Math.round(m)} min`
      : m < 2880
        ? `${(m / 60).toFixed(1)} h`
        : `${(m / 1440).toFixed(1)} d`;

const volumeOption = (f: BriefingFigures): ChartOption => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 40, right: 12, top: 32, bottom: 24 },
  xAxis: { type: 'category', data: f.volume.series.map((d) => d.day.slice(5)) },
  yAxis: { type: 'value', minInterval: 1 },
  series: [
    {
      name: 'Positive',
      type: 'bar',
      stack: 'm',
      color: '#29a36a',
      data: f.volume.series.map((d) => d.positive),
    },
    {
      name: 'Neutral',
      type: 'bar',
      stack: 'm',
      color: '#9aa5b1',
      data: f.volume.series.map((d) => d.count - d.positive - d.negative),
    },
    {
      name: 'Negative',
      type: 'bar',
      stack: 'm',
      color: '#e4572e',
      data: f.volume.series.map((d) => d.negative),
    },
  ],
});

const shareOption = (f: BriefingFigures): ChartOption => ({
  tooltip: { valueFormatter: (v) => `${v}%` },
  grid: { left: 110, right: 16, top: 8, bottom: 24 },
  xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
  yAxis: { type: 'category', inverse: true, data: f.shareOfVoice.map((v) => v.name) },
  series: [
    {
      type: 'bar',
      data: f.shareOfVoice.map((v) => ({
        value: Math.round(v.share * 1000) / 10,
        itemStyle: { color: v.kind === 'brand' ? '#2f6fdf' : '#9aa5b1' },
      })),
    },
  ],
});

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="briefing-tile">
      <span className="small muted">{label}</span>
      <strong>{value}</strong>
    </div>
  );
}

/** One briefing book as a page, with its PDF a click away; any member of the brand can open its link. */
export function BriefingPage() {
  const { handle = '', id = '' } = useParams();
  const book = useBriefing(handle, id);
  if (book.isPending) return <Loading />;
  if (book.error) return <PageError error={book.error} notFoundTitle="No such briefing book" />;
  const b = book.data;
  const f = b.figures;
  const last = formatDate(new Date(new Date(b.to).getTime() - 1).toISOString());
  return (
    <div className="briefing" data-testid="briefing">
      <PageHeader title={`${f.brand.name}: ${formatDate(b.from)} – ${last}`}>
        <a className="btn" href={b.pdfUrl} download data-testid="briefing-pdf">
          Download PDF
        </a>
      </PageHeader>
      <p className="small muted">
        {b.cadence === 'weekly' ? 'Weekly briefing book' : 'Briefing book'} written{' '}
        {formatDateTime(b.createdAt)} · <Link to={`/orgs/${handle}/listening/briefings`}>All books</Link>
      </p>
      <div className="briefing-tiles">
        <Figure label="Mentions" value={f.volume.mentions.toLocaleString()} />
        <Figure label="Mean sentiment" value={f.sentiment.average.toFixed(2)} />
        <Figure label="First reply (median)" value={minutes(f.care.firstResponseMedianMinutes)} />
        <Figure
          label="Sales"
          value={f.sales.currency ? formatMoney(f.sales.revenueMinor, f.sales.currency) : '0'}
        />
      </div>
      <section>
        <h2>Executive summary</h2>
        <ul className="briefing-summary">
          {f.summary.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
      <div className="briefing-grid">
        <section>
          <h2>Volume and sentiment</h2>
          <EChart option={volumeOption(f)} label="Mentions per day by sentiment" testId="briefing-volume" />
        </section>
        <section>
          <h2>Share of voice</h2>
          {f.shareOfVoice.length ? (
            <EChart option={shareOption(f)} label="Share of voice" testId="briefing-sov" />
          ) : (
            <p className="muted">Add competitor topics to compare share of voice.</p>
          )}
        </section>
        <section>
          <h2>Sentiment drivers</h2>
          <p>
            <strong>Negative:</strong>{' '}
            {f.sentiment.negativeDrivers.map((d) => `${d.key} (${d.count})`).join(', ') ||
              'nothing stands out'}
          </p>
          <p>
            <strong>Positive:</strong>{' '}
            {f.sentiment.positiveDrivers.map((d) => `${d.key} (${d.count})`).join(', ') ||
              'nothing stands out'}
          </p>
        </section>
        <section>
          <h2>Spikes and their causes</h2>
          {f.spikes.length === 0 && <p className="muted">No spike in the period.</p>}
          <ul className="briefing-list">
            {f.spikes.map((s) => (
              <li key={`${s.topicName}-${s.startedAt}`}>
                <strong>{s.topicName}</strong>: {s.observed} mentions against {s.expected.toFixed(0)} expected
                ({formatDateTime(s.startedAt)})
                <div className="small">Why: {s.causes.join(', ') || 'no single cause stands out'}</div>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section>
        <h2>Top conversations</h2>
        <ul className="briefing-list">
          {f.topConversations.map((c) => (
            <li key={c.mentionId}>
              <div className="small muted">
                @{c.authorHandle} · {c.reshares} reshares · {c.replies} replies · {formatDateTime(c.postedAt)}
              </div>
              <p>{c.text}</p>
            </li>
          ))}
        </ul>
      </section>
      <div className="briefing-grid">
        <section>
          <h2>Care performance</h2>
          <dl className="briefing-dl">
            <dt>Conversations</dt>
            <dd>{f.care.conversations}</dd>
            <dt>First reply, median</dt>
            <dd>{minutes(f.care.firstResponseMedianMinutes)}</dd>
            <dt>Resolved</dt>
            <dd>{f.care.resolutionRate === null ? 'n/a' : pct(f.care.resolutionRate)}</dd>
            <dt>CSAT</dt>
            <dd>{f.care.csatAverage === null ? 'no answers' : `${f.care.csatAverage.toFixed(1)} / 5`}</dd>
          </dl>
        </section>
        <section>
          <h2>Ideas and requests</h2>
          <dl className="briefing-dl">
            <dt>Ideas raised</dt>
            <dd>{f.ideas.raised}</dd>
            <dt>Ideas shipped</dt>
            <dd>{f.ideas.shipped}</dd>
            <dt>Requests received</dt>
            <dd>{f.requests.received}</dd>
            <dt>Requests pitched</dt>
            <dd>{f.requests.pitched}</dd>
          </dl>
        </section>
        <section>
          <h2>Attributed sales</h2>
          <dl className="briefing-dl">
            <dt>Orders</dt>
            <dd>{f.sales.orders}</dd>
            {f.sales.bySource.map((s) => (
              <Fragment key={s.kind}>
                <dt>From {s.kind}</dt>
                <dd>
                  {f.sales.currency ? formatMoney(s.revenueMinor, f.sales.currency) : s.revenueMinor} (
                  {s.orders} orders)
                </dd>
              </Fragment>
            ))}
          </dl>
        </section>
      </div>
    </div>
  );
}
