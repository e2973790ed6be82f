import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { type AdvocateSegment, advocatesApi } from '../api/advocates.api.ts';

type Props = {
  handle: string;
  community?: number;
  segments: AdvocateSegment[];
  onSaved: (segment: AdvocateSegment) => void;
};

/** Saves the current community filter (and an optional top N) as a segment that deals can target. */
export function SegmentBar({ handle, community, segments, onSaved }: Props) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [topN, setTopN] = useState('');
  const save = useMutation({
    mutationFn: () =>
      advocatesApi.saveSegment(handle, {
        name,
        ...(community !== undefined ? { community } : {}),
        ...(topN ? { topN: Number(topN) } : {}),
      }),
    onSuccess: (segment) => {
      setName('');
      setTopN('');
      void queryClient.invalidateQueries({ queryKey: ['advocates', handle, 'segments'] });
      onSaved(segment);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => advocatesApi.deleteSegment(handle, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['advocates', handle, 'segments'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section className="advocates-segments" aria-label="Segments">
      <form className="advocates-segment-form" onSubmit={submit}>
        <label>
          Segment name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required />
        </label>
        <label>
          Top N (optional)
          <input
            type="number"
            min={1}
            max={1000000}
            value={topN}
            onChange={(e) => setTopN(e.target.value)}
            inputMode="numeric"
          />
        </label>
        <button type="submit" className="btn" disabled={!name.trim() || save.isPending}>
          Save filter as segment
        </button>
      </form>
      {save.error && <ErrorBanner error={save.error} fields={['name', 'community', 'topN']} />}
      {segments.length > 0 && (
        <ul className="advocates-segment-list" data-testid="segment-list">
          {segments.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong>{' '}
              <span className="muted small">
                {[
                  s.community !== null ? `community #${s.community}` : null,
                  s.topN !== null ? `top ${s.topN}` : null,
                  s.minScore !== null ? `score ≥ ${s.minScore}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>{' '}
              <button
                type="button"
                className="btn btn-xs btn-ghost"
                onClick={() => remove.mutate(s.id)}
                aria-label={`Delete segment ${s.name}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
