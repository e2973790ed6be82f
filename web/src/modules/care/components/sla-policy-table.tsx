import { type FormEvent, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { PRIORITIES, type Priority } from '../api/care.types.ts';
import type { SlaPolicies, SlaPolicy } from '../api/sla.types.ts';
import { useSaveSlaPolicies } from '../hooks/use-sla.ts';

const FIELDS = ['firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_LABELS: Record<Field, string> = {
  firstResponseMinutes: 'First response',
  nextResponseMinutes: 'Next response',
  resolutionMinutes: 'Resolution',
};
/** Shown in place of the brand-wide defaults until the brand has its own. */
const BUILT_IN: Record<Priority, Record<Field, number>> = {
  urgent: { firstResponseMinutes: 30, nextResponseMinutes: 30, resolutionMinutes: 240 },
  high: { firstResponseMinutes: 60, nextResponseMinutes: 60, resolutionMinutes: 480 },
  normal: { firstResponseMinutes: 240, nextResponseMinutes: 240, resolutionMinutes: 1440 },
  low: { firstResponseMinutes: 1440, nextResponseMinutes: 1440, resolutionMinutes: 4320 },
};
const BRAND = 'brand';
const ORDER: Priority[] = [...PRIORITIES].reverse(); // urgent first

type Draft = Record<string, Record<Field, string>>; // key `${queueId|brand}:${priority}`
const key = (queueId: string | null, priority: Priority) => `${queueId ?? BRAND}:${priority}`;

function toDraft(policies: SlaPolicy[]): Draft {
  const draft: Draft = {};
  for (const p of policies)
    draft[key(p.queueId, p.priority)] = {
      firstResponseMinutes: String(p.firstResponseMinutes),
      nextResponseMinutes: String(p.nextResponseMinutes),
      resolutionMinutes: String(p.resolutionMinutes),
    };
  return draft;
}

/** "90" → "1h 30m": what a number of minutes means, beside the input. */
const readable = (minutes: number) =>
  minutes >= 60 ? `${Math.floor(minutes / 60)}h${minutes % 60 ? ` ${minutes % 60}m` : ''}` : `${minutes}m`;

/**
 * Targets in business minutes per queue × priority. A queue row left empty follows the brand-wide default of
 * its priority (shown greyed as the placeholder).
 */
export function SlaPolicyTable({
  handle,
  data,
  canEdit,
}: {
  handle: string;
  data: SlaPolicies;
  canEdit: boolean;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(data.items));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveSlaPolicies(handle);
  const rows = [{ id: null as string | null, name: 'All queues (default)' }, ...data.queues];

  const inherited = (queueId: string | null, priority: Priority, field: Field) => {
    const brand = draft[key(null, priority)]?.[field];
    return queueId !== null && brand ? brand : String(BUILT_IN[priority][field]);
  };
  const set = (k: string, field: Field, value: string) =>
    setDraft((d) => ({
      ...d,
      [k]: {
        ...(d[k] ?? { firstResponseMinutes: '', nextResponseMinutes: '', resolutionMinutes: '' }),
        [field]: value,
      },
    }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const policies: SlaPolicy[] = [];
    for (const row of rows)
      for (const priority of ORDER) {
        const cell = draft[key(row.id, priority)];
        const values = FIELDS.map((f) => cell?.[f]?.trim() ?? '');
        if (values.every((v) => v === '')) continue;
        if (values.some((v) => !/^\d+$/.test(v) || Number(v) < 1)) {
          setProblem(
            `${row.name}, ${priority}: give all three targets as whole minutes of at least 1, or none`,
          );
          return;
        }
        const [first, next, resolution] = values.map(Number);
        policies.push({
          queueId: row.id,
          priority,
          firstResponseMinutes: first,
          nextResponseMinutes: next,
          resolutionMinutes: resolution,
        });
      }
    setProblem(null);
    save.mutate(policies);
  };

  return (
    <form className="panel sla-policies" onSubmit={submit} data-testid="sla-policy-form">
      <h2>SLA policies</h2>
      <p className="muted small">
        Targets in minutes of business time. First response runs until the brand’s first reply, next response
        after each customer message waiting for an answer, resolution until the conversation is resolved.
      </p>
      <div className="sla-table-scroll">
        <table className="sla-policy-table">
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Priority</th>
              {FIELDS.map((f) => (
                <th key={f} scope="col">
                  {FIELD_LABELS[f]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((row) =>
              ORDER.map((priority, i) => {
                const k = key(row.id, priority);
                return (
                  <tr key={k} data-testid="sla-policy-row" data-queue={row.name} data-priority={priority}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={ORDER.length}>
                        {row.name}
                      </th>
                    )}
                    <td className="sla-priority">{priority}</td>
                    {FIELDS.map((field) => {
                      const value = draft[k]?.[field] ?? '';
                      const shown = Number(value || inherited(row.id, priority, field));
                      return (
                        <td key={field}>
                          <input
                            className="input sla-minutes"
                            inputMode="numeric"
                            value={value}
                            placeholder={inherited(row.id, priority, field)}
                            aria-label={`${row.name} ${priority} ${FIELD_LABELS[field]} minutes`}
                            onChange={(e) => set(k, field, e.target.value)}
                            disabled={!canEdit}
                            data-field={field}
                          />
                          <span className="muted small sla-readable">{shown > 0 ? readable(shown) : ''}</span>
                        </td>
                      );
                    })}
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
      {problem && (
        <div className="error-banner" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <ErrorBanner error={save.error} />
      {save.isSuccess && !save.isPending && (
        <p className="sla-saved small">Saved. Running clocks were recomputed.</p>
      )}
      {canEdit && (
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.isPending}
          data-testid="sla-policy-save"
        >
          Save policies
        </button>
      )}
    </form>
  );
}
