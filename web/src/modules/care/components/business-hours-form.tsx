import { type FormEvent, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { type BusinessHours, type OpenPeriod, WEEKDAY_LABELS, WEEKDAYS } from '../api/sla.types.ts';
import { useSaveBusinessHours } from '../hooks/use-sla.ts';

const ZONES: string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
const PRESETS: Record<string, OpenPeriod[]> = {
  'Weekdays 09:00–17:00': WEEKDAYS.slice(0, 5).map((day) => ({ day, start: '09:00', end: '17:00' })),
  'Round the clock': WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
};

/** The brand's time zone, weekly open periods and holidays: SLA clocks run only inside them. */
export function BusinessHoursForm({
  handle,
  initial,
  canEdit,
}: {
  handle: string;
  initial: BusinessHours;
  canEdit: boolean;
}) {
  const [timezone, setTimezone] = useState(initial.timezone);
  const [periods, setPeriods] = useState<OpenPeriod[]>(initial.periods);
  const [holidays, setHolidays] = useState(initial.holidays.join('\n'));
  const save = useSaveBusinessHours(handle);

  const update = (index: number, patch: Partial<OpenPeriod>) =>
    setPeriods((all) => all.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      timezone: timezone.trim(),
      periods,
      holidays: holidays
        .split(/[\s,]+/)
        .map((d) => d.trim())
        .filter(Boolean),
    });
  };

  return (
    <form className="panel sla-hours" onSubmit={submit} data-testid="business-hours-form">
      <h2>Business hours</h2>
      <p className="muted small">
        SLA clocks run only inside these hours, in the brand’s time zone, and not on holidays.
      </p>
      <label className="sla-field">
        <span>Time zone</span>
        <input
          className="input"
          value={timezone}
          list="sla-time-zones"
          onChange={(e) => setTimezone(e.target.value)}
          disabled={!canEdit}
          data-testid="hours-timezone"
        />
        <datalist id="sla-time-zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      {canEdit && (
        <div className="sla-presets">
          {Object.entries(PRESETS).map(([name, preset]) => (
            <button
              key={name}
              type="button"
              className="btn btn-secondary btn-xs"
              onClick={() => setPeriods(preset)}
            >
              {name}
            </button>
          ))}
        </div>
      )}
      <table className="sla-hours-table">
        <tbody>
          {WEEKDAYS.map((day) => {
            const ofDay = periods.map((p, index) => ({ p, index })).filter(({ p }) => p.day === day);
            return (
              <tr key={day} data-testid={`hours-${day}`}>
                <th scope="row">{WEEKDAY_LABELS[day]}</th>
                <td>
                  {ofDay.length === 0 && <span className="muted">Closed</span>}
                  {ofDay.map(({ p, index }) => (
                    <span key={index} className="sla-period">
                      <input
                        className="input sla-time"
                        value={p.start}
                        aria-label={`${WEEKDAY_LABELS[day]} opens`}
                        placeholder="09:00"
                        onChange={(e) => update(index, { start: e.target.value })}
                        disabled={!canEdit}
                      />
                      –
                      <input
                        className="input sla-time"
                        value={p.end}
                        aria-label={`${WEEKDAY_LABELS[day]} closes`}
                        placeholder="17:00"
                        onChange={(e) => update(index, { end: e.target.value })}
                        disabled={!canEdit}
                      />
                      {canEdit && (
                        <button
                          type="button"
                          className="btn btn-danger-outline btn-xs"
                          aria-label={`Remove ${WEEKDAY_LABELS[day]} period`}
                          onClick={() => setPeriods((all) => all.filter((_, i) => i !== index))}
                        >
                          ×
                        </button>
                      )}
                    </span>
                  ))}
                  {canEdit && (
                    <button
                      type="button"
                      className="btn btn-secondary btn-xs"
                      onClick={() => setPeriods((all) => [...all, { day, start: '09:00', end: '17:00' }])}
                    >
                      Add hours
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="sla-field">
        <span>Holidays (one date a line, YYYY-MM-DD)</span>
        <textarea
          className="input"
          rows={3}
          value={holidays}
          onChange={(e) => setHolidays(e.target.value)}
          disabled={!canEdit}
          data-testid="hours-holidays"
        />
      </label>
      <ErrorBanner error={save.error} />
      {save.isSuccess && !save.isPending && (
        <p className="sla-saved small">Saved. Running clocks were recomputed.</p>
      )}
      {canEdit && (
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="hours-save">
          Save business hours
        </button>
      )}
    </form>
  );
}
