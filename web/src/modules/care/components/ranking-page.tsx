import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading, PageError } from '../../../shared/ui/status.tsx';
import { type RankingEntry, rankingApi } from '../api/ranking.api.ts';

const pct = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v * 100)}%`);
const minutes = (m: number | null) =>
  m === null
    ? 'n/a'
    : m < 90
      ? `${Math.round(m)} min`
      : m < 2880
        ? `${(m / 60).toFixed(1)} h`
        : `${(m / 1440).toFixed(1)} d`;

function Row({ e }: { e: RankingEntry }) {
  return (
    <tr data-testid="ranking-row">
      <td className="ranking-rank">{e.ranked ? `#${e.rank}` : '–'}</td>
      <td>
        <Link to={`/service-ranking/${e.handle}`}>{e.name}</Link>
        <div className="small muted">@{e.handle}</div>
      </td>
      <td className="ranking-score">
        {e.ranked ? e.score.toFixed(1) : <span className="muted">Not enough data</span>}
      </td>
      <td className="ranking-detail">{minutes(e.plain.firstResponseMedianMinutes)}</td>
      <td className="ranking-detail">{pct(e.plain.resolutionRate)}</td>
      <td className="ranking-detail">
        {e.plain.csatAverage === null ? 'n/a' : e.plain.csatAverage.toFixed(1)}
      </td>
    </tr>
  );
}

/** The public service-quality ranking: brands by industry, scored from their own care conversations. */
export function RankingPage() {
  const ranking = useQuery({ queryKey: ['service-ranking'], queryFn: rankingApi.ranking });
  return (
    <div className="ranking">
      <PageHeader title="Service-quality ranking" />
      <p className="muted">
        How well brands on Souk serve their customers on social: first reply, resolution, satisfaction and how
        customers feel after care, from the last year of conversations, recent ones counting most.
      </p>
      {ranking.isPending && <Loading />}
      {ranking.error && <ErrorBanner error={ranking.error} />}
      {ranking.data?.industries.length === 0 && <EmptyState title="No brand has care conversations yet" />}
      {ranking.data?.industries.map((i) => (
        <section key={i.industry}>
          <h2>{i.label}</h2>
          <table className="ranking-table">
            <thead>
              <tr>
                <th>Rank</th>
                <th>Brand</th>
                <th>Score</th>
                <th className="ranking-detail">First reply</th>
                <th className="ranking-detail">Resolved</th>
                <th className="ranking-detail">CSAT</th>
              </tr>
            </thead>
            <tbody>
              {i.brands.map((e) => (
                <Row key={e.handle} e={e} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {ranking.data && <p className="small muted">{ranking.data.method.formula}</p>}
    </div>
  );
}

const MEASURE_LABELS = {
  response: 'Responsiveness',
  resolution: 'Resolution',
  csat: 'CSAT',
  sentimentAfter: 'Sentiment after care',
} as const;

/** One brand's score and rank, and how they were computed: the formula with this brand's own inputs. */
export function BrandRankingPage() {
  const { handle = '' } = useParams();
  const brand = useQuery({ queryKey: ['service-ranking', handle], queryFn: () => rankingApi.brand(handle) });
  if (brand.isPending) return <Loading />;
  if (brand.error) return <PageError error={brand.error} notFoundTitle="No such brand" />;
  const b = brand.data;
  const e = b.entry;
  const m = b.method;
  return (
    <div className="ranking">
      <PageHeader title={b.name} back />
      <p>
        <Link to="/service-ranking">Service-quality ranking</Link> · {b.industryLabel}
      </p>
      {e?.ranked ? (
        <p className="ranking-headline" data-testid="brand-rank">
          Ranked <strong>#{e.rank}</strong> of {b.rankedInIndustry} in {b.industryLabel}, with a score of{' '}
          <strong>{e.score.toFixed(1)}</strong> out of 100.
        </p>
      ) : (
        <p className="ranking-headline" data-testid="brand-rank">
          Not enough data: {e ? e.conversations : 0} conversations in the last year, {m.minConversations}{' '}
          needed to be ranked.
        </p>
      )}
      <details className="ranking-how" open>
        <summary>How it was computed</summary>
        <p>
          <code>{m.formula}</code>
        </p>
        <ul>
          <li>{m.recency}</li>
          <li>{m.prior}</li>
          <li>{m.minimum}</li>
        </ul>
        {e && (
          <div className="ranking-table-scroll">
            <table className="ranking-table" data-testid="ranking-inputs">
              <thead>
                <tr>
                  <th>Measure</th>
                  <th>Weight</th>
                  <th>This brand (x̄)</th>
                  <th>Σ w</th>
                  <th>Industry μ</th>
                  <th>Figure</th>
                </tr>
              </thead>
              <tbody>
                {(Object.keys(MEASURE_LABELS) as (keyof typeof MEASURE_LABELS)[]).map((k) => (
                  <tr key={k}>
                    <td title={m.measures[k]}>{MEASURE_LABELS[k]}</td>
                    <td>{m.weights[k]}</td>
                    <td>{e.measures[k].observed === null ? 'no data' : e.measures[k].observed.toFixed(3)}</td>
                    <td>{e.measures[k].weight.toFixed(1)}</td>
                    <td>{e.measures[k].industryMean.toFixed(3)}</td>
                    <td>{e.measures[k].value.toFixed(3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {e && (
          <p className="small muted">
            From {e.conversations} conversations: median first reply{' '}
            {minutes(e.plain.firstResponseMedianMinutes)}, {pct(e.plain.resolutionRate)} resolved, CSAT{' '}
            {e.plain.csatAverage === null ? 'n/a' : e.plain.csatAverage.toFixed(1)}, sentiment after care{' '}
            {e.plain.sentimentAfterAverage === null ? 'n/a' : e.plain.sentimentAfterAverage.toFixed(2)}.
          </p>
        )}
      </details>
    </div>
  );
}
