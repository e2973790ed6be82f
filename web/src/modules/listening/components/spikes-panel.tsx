import { formatDateTime } from '../../../shared/format/date.ts';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { MentionFilter, Spike } from '../api/listening.api.ts';
import { useScanSpikes, useSpikes } from '../hooks/use-listening.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const hours = (s: Spike) =>
  Math.max(1, Math.round((Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 3_600_000));

function SpikeCard({ spike, onDrill }: { spike: Spike; onDrill: (filter: MentionFilter) => void }) {
  const window = { from: spike.startedAt, to: spike.endedAt };
  const { terms, hashtags, authors, topMention } = spike.why;
  return (
    <li className="spike" data-testid="spike">
      <div className="spike-head">
        <strong>
          {plural(spike.observed, 'mention')} in {plural(hours(spike), 'hour')}
        </strong>{' '}
        <span
          className="spike-ratio"
          title={`about ${spike.expected.toFixed(1)} usual for those hours of the week`}
        >
          {spike.ratio.toFixed(1)}× usual
        </span>
        <div className="small muted">
          {formatDateTime(spike.startedAt)} – {formatDateTime(spike.endedAt)}
        </div>
      </div>
      {terms.length + hashtags.length + authors.length > 0 ? (
        <div className="spike-why">
          <span className="small muted">Why:</span>
          {terms.map((t) => (
            <button
              key={`t-${t.key}`}
              type="button"
              className="spike-chip"
              title={`${t.spike} times in the spike, ${t.baseline} in the four weeks before`}
              onClick={() => onDrill({ ...window, q: t.key })}
            >
              {t.key}
            </button>
          ))}
          {hashtags.map((t) => (
            <button
              key={`h-${t.key}`}
              type="button"
              className="spike-chip"
              title={`${t.spike} times in the spike, ${t.baseline} in the four weeks before`}
              onClick={() => onDrill({ ...window, hashtag: t.key })}
            >
              #{t.key}
            </button>
          ))}
          {authors.map((t) => (
            <button
              key={`a-${t.key}`}
              type="button"
              className="spike-chip"
              title={`${t.spike} mentions in the spike, ${t.baseline} in the four weeks before`}
              onClick={() => onDrill({ ...window, author: t.key })}
            >
              @{t.key}
            </button>
          ))}
        </div>
      ) : (
        <p className="small muted">More of the usual: nothing stands out against the four weeks before.</p>
      )}
      {topMention && (
        <blockquote className="spike-top">
          <span className="small muted">
            Most reshared ({topMention.reshares}), @{topMention.authorHandle}:
          </span>{' '}
          {topMention.text}
        </blockquote>
      )}
      <button type="button" className="btn btn-secondary" onClick={() => onDrill(window)}>
        Show its mentions
      </button>
    </li>
  );
}

/** A topic's spikes against its usual volume for the hour of the week, each with why it happened. */
export function SpikesPanel({
  handle,
  topicId,
  onDrill,
}: {
  handle: string;
  topicId: string;
  onDrill: (filter: MentionFilter) => void;
}) {
  const spikes = useSpikes(handle, topicId);
  const scan = useScanSpikes(handle, topicId);
  return (
    <section className="listening-spikes" aria-label="Spikes">
      <div className="listening-spikes-head">
        <h2>Spikes</h2>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={scan.isPending}
          onClick={() => scan.mutate()}
        >
          {scan.isPending ? 'Looking…' : 'Look now'}
        </button>
      </div>
      {scan.error && <ErrorBanner error={scan.error} />}
      {spikes.isPending ? (
        <Loading />
      ) : spikes.error ? (
        <ErrorBanner error={spikes.error} />
      ) : spikes.data.items.length === 0 ? (
        <p className="muted small">
          No spike in the last week: volume stayed within what this topic usually sees at those hours of the
          week.
        </p>
      ) : (
        <ul className="spike-list">
          {spikes.data.items.map((s) => (
            <SpikeCard key={s.id} spike={s} onDrill={onDrill} />
          ))}
        </ul>
      )}
    </section>
  );
}
