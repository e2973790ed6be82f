import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format/date.ts';
import { type ChartOption, EChart } from '../../../shared/ui/echart.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorBanner, Loading, LoadMore } from '../../../shared/ui/status.tsx';
import type { Mention, MentionFilter, Spike, TopicSummary } from '../api/listening.api.ts';
import { useMentions, useOpenInCare, useSpikes, useThread, useTopicSummary } from '../hooks/use-listening.ts';
import { BackfillProgress } from './backfill-progress.tsx';
import { SpikesPanel } from './spikes-panel.tsx';

const WINDOWS = [7, 30, 90];
const DAY = 86_400_000;

/** Mentions over time, with the topic's spikes shaded. */
function volumeOption(s: TopicSummary, spikes: Spike[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['Positive', 'Negative', 'All'], top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: 'All',
        type: 'line',
        data: s.series.map((p) => [p.at, p.count]),
        markArea: {
          itemStyle: { color: 'rgba(192, 57, 43, 0.12)' },
          data: spikes.map((k) => [{ xAxis: k.startedAt, name: 'Spike' }, { xAxis: k.endedAt }]),
        },
      },
      { name: 'Positive', type: 'bar', stack: 's', data: s.series.map((p) => [p.at, p.positive]) },
      { name: 'Negative', type: 'bar', stack: 's', data: s.series.map((p) => [p.at, p.negative]) },
    ],
  };
}

const barOption = (rows: { key: string; count: number }[]): ChartOption => ({
  tooltip: {},
  grid: { left: 110, right: 16, top: 8, bottom: 24 },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.key) },
  series: [{ type: 'bar', data: rows.map((r) => r.count) }],
});

const shareOption = (s: TopicSummary): ChartOption => ({
  tooltip: { valueFormatter: (v) => `${v}%` },
  grid: { left: 110, right: 16, top: 8, bottom: 24 },
  xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
  yAxis: { type: 'category', inverse: true, data: s.shareOfVoice.map((v) => v.name) },
  series: [{ type: 'bar', data: s.shareOfVoice.map((v) => Math.round(v.share * 1000) / 10) }],
});

/** A Souk post becomes (or opens) a care conversation in one click; the inbox opens on it. */
function CareButton({ handle, mention }: { handle: string; mention: Mention }) {
  const open = useOpenInCare(handle);
  const navigate = useNavigate();
  const go = (id: string) => navigate(`/orgs/${handle}/inbox?c=${id}`);
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="open-in-care"
        disabled={open.isPending}
        onClick={() =>
          mention.careConversationId
            ? go(mention.careConversationId)
            : open.mutate(mention.id, { onSuccess: (r) => go(r.conversationId) })
        }
      >
        {mention.careConversationId ? 'Open in care' : 'Handle in care'}
      </button>
      {open.error && <ErrorBanner error={open.error} />}
    </>
  );
}

function MentionItem({
  handle,
  mention,
  onOpen,
  onTag,
}: {
  handle: string;
  mention: Mention;
  onOpen: (id: string) => void;
  onTag: (tag: Mention['tags'][number]) => void;
}) {
  const tone = mention.sentiment < -0.1 ? 'negative' : mention.sentiment > 0.1 ? 'positive' : 'neutral';
  return (
    <li className="listening-mention" data-testid="mention">
      <div className="small muted">
        @{mention.author.handle} · {mention.source} · {formatDateTime(mention.postedAt)} · {mention.intent} ·{' '}
        <span className={`tone-${tone}`}>{tone}</span>
      </div>
      <p>{mention.text}</p>
      {mention.tags.length > 0 && (
        <div className="listening-tags">
          {mention.tags.map((t) => (
            <button
              key={t.id}
              type="button"
              className={`listening-tag-chip kind-${t.kind}`}
              title={`Only mentions tagged ${t.name}`}
              onClick={() => onTag(t)}
            >
              {t.name}
            </button>
          ))}
        </div>
      )}
      <div className="listening-actions">
        <button type="button" className="btn btn-secondary" onClick={() => onOpen(mention.id)}>
          Thread
        </button>
        {mention.source === 'souk' && mention.postId && <CareButton handle={handle} mention={mention} />}
        {mention.postId && <Link to={`/posts/${mention.postId}`}>Open post</Link>}
        {mention.url && (
          <a href={mention.url} target="_blank" rel="noreferrer noopener">
            Source
          </a>
        )}
      </div>
    </li>
  );
}

function ThreadPanel({ handle, id, onClose }: { handle: string; id: string; onClose: () => void }) {
  const thread = useThread(handle, id);
  return (
    <aside className="listening-thread" data-testid="mention-thread">
      <button type="button" className="btn btn-secondary" onClick={onClose}>
        Close thread
      </button>
      {thread.isPending ? (
        <Loading />
      ) : thread.error ? (
        <ErrorBanner error={thread.error} />
      ) : (
        <ol>
          {thread.data.items.map((m) => (
            <li
              key={m.id}
              style={{ marginLeft: `${Math.min(m.depth, 6) * 12}px` }}
              className={m.id === id ? 'current' : ''}
            >
              <span className="small muted">@{m.author.handle}</span> {m.text}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

/** A topic's page: charts of its mentions, each drilling down to the mentions behind it. */
export function TopicPage() {
  const { handle = '', id = '' } = useParams();
  const [days, setDays] = useState(30);
  const [drill, setDrill] = useState<MentionFilter>({});
  const [open, setOpen] = useState<string | null>(null);
  const [tagNames, setTagNames] = useState<Record<string, string>>({});
  const summary = useTopicSummary(handle, id, days);
  // While the topic's query is being applied to stored mentions, the figures grow: refetch them every 2 s.
  const backfilling = summary.data?.topic.backfill?.status === 'running';
  const refetch = summary.refetch;
  useEffect(() => {
    if (!backfilling) return;
    const timer = setInterval(() => void refetch(), 2000);
    return () => clearInterval(timer);
  }, [backfilling, refetch]);
  const filter = useMemo(
    () => ({ topicId: id, from: new Date(Date.now() - days * DAY).toISOString(), ...drill }),
    [id, days, drill],
  );
  const mentions = useMentions(handle, filter);
  const spikes = useSpikes(handle, id);
  if (summary.isPending) return <Loading />;
  if (summary.error) return <ErrorBanner error={summary.error} />;
  const s = summary.data;
  const bucketMs = s.bucket === 'day' ? DAY : 3_600_000;
  const label = Object.entries(drill)
    .map(
      ([k, v]) =>
        `${k}: ${k === 'from' || k === 'to' ? formatDateTime(String(v)) : k === 'tag' ? (tagNames[String(v)] ?? v) : v}`,
    )
    .join(', ');
  return (
    <div className="listening-topic">
      <PageHeader title={s.topic.name} back>
        <div className="listening-windows">
          {WINDOWS.map((d) => (
            <button
              key={d}
              type="button"
              className={`btn ${d === days ? 'btn-primary' : 'btn-secondary'}`}
              onClick={() => setDays(d)}
            >
              {d} days
            </button>
          ))}
        </div>
      </PageHeader>
      <p className="muted small">
        <code>{s.topic.query}</code> · {s.count} mentions
      </p>
      <BackfillProgress backfill={s.topic.backfill} />
      <SpikesPanel
        handle={handle}
        topicId={id}
        onDrill={(filter) => {
          setDrill(filter);
          document.querySelector('.listening-drill')?.scrollIntoView({ behavior: 'smooth' });
        }}
      />
      <div className="listening-charts">
        <section>
          <h2>Volume and sentiment</h2>
          <EChart
            option={volumeOption(s, spikes.data?.items ?? [])}
            label={`Mentions per ${s.bucket}`}
            testId="volume-chart"
            onClick={(p) => {
              const at = new Date(String((p.value as [string, number])[0]));
              setDrill({
                from: at.toISOString(),
                to: new Date(at.getTime() + bucketMs).toISOString(),
              } as MentionFilter);
            }}
          />
        </section>
        <section>
          <h2>Share of voice</h2>
          <EChart
            option={shareOption(s)}
            label="Share of voice against competitor topics"
            testId="sov-chart"
          />
        </section>
        <section>
          <h2>Intents</h2>
          <EChart
            option={barOption(s.intents)}
            label="Intent mix"
            onClick={(p) => setDrill({ intent: p.name as MentionFilter['intent'] })}
          />
        </section>
        <section>
          <h2>Hashtags</h2>
          <EChart
            option={barOption(s.hashtags)}
            label="Top hashtags"
            onClick={(p) => setDrill({ hashtag: String(p.name) })}
          />
        </section>
        <section>
          <h2>Terms</h2>
          <EChart
            option={barOption(s.terms)}
            label="Top terms"
            onClick={(p) => setDrill({ q: String(p.name) })}
          />
        </section>
        <section>
          <h2>Languages</h2>
          <EChart
            option={barOption(s.languages)}
            label="Languages"
            onClick={(p) => setDrill({ language: String(p.name) })}
          />
        </section>
        <section>
          <h2>Top authors by reach</h2>
          <ul className="listening-authors">
            {s.authors.map((a) => (
              <li key={a.handle}>
                <button type="button" className="link-btn" onClick={() => setDrill({ author: a.handle })}>
                  @{a.handle}
                </button>{' '}
                <span className="muted small">
                  {a.followers ?? '?'} followers · {a.count} mentions
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section className="listening-drill">
        <h2>Mentions</h2>
        {label && (
          <p className="listening-drill-filter small">
            <span data-testid="drill-filter">{label}</span>
            <button type="button" className="btn btn-secondary" onClick={() => setDrill({})}>
              Clear
            </button>
          </p>
        )}
        {open && <ThreadPanel handle={handle} id={open} onClose={() => setOpen(null)} />}
        {mentions.error && <ErrorBanner error={mentions.error} />}
        <ul className="listening-mentions">
          {mentions.data?.pages
            .flatMap((p) => p.items)
            .map((m) => (
              <MentionItem
                key={m.id}
                handle={handle}
                mention={m}
                onOpen={setOpen}
                onTag={(t) => {
                  setTagNames((names) => ({ ...names, [t.id]: t.name }));
                  setDrill((d) => ({ ...d, tag: t.id }));
                }}
              />
            ))}
        </ul>
        <LoadMore query={mentions} />
      </section>
    </div>
  );
}
