import { type FormEvent, useState } from 'react';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useInboxSettings, useUpdateInboxSettings } from '../hooks/use-care-extras.ts';

const MAX_PERCENT = 95;

/** How sure triage must be before it routes a message; below it, the conversation waits in Needs review. */
export function UnsureThresholdForm({ handle }: { handle: string }) {
  const settings = useInboxSettings(handle);
  const update = useUpdateInboxSettings(handle);
  const [draft, setDraft] = useState<string | null>(null);
  const current = settings.data === undefined ? undefined : Math.round(100 * settings.data.unsureBelow);
  const value = draft ?? (current === undefined ? '' : String(current));
  const parsed = Number(value);
  const valid = value !== '' && Number.isInteger(parsed) && parsed >= 0 && parsed <= MAX_PERCENT;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    update.mutate({ unsureBelow: parsed / 100 }, { onSuccess: () => setDraft(null) });
  };
  const fallback = settings.data ? Math.round(100 * settings.data.unsureBelowDefault) : undefined;
  return (
    <section className="rules-section" aria-label="Triage confidence">
      <h2>Needs review</h2>
      {settings.isPending ? (
        <Loading />
      ) : (
        <form className="inbox-settings-form" onSubmit={submit}>
          <label className="care-select">
            <span>Route only when triage is at least (%) sure</span>
            <input
              type="number"
              min={0}
              max={MAX_PERCENT}
              step={1}
              value={value}
              onChange={(e) => setDraft(e.target.value)}
              aria-invalid={!valid || undefined}
              data-testid="unsure-threshold-input"
            />
          </label>
          <button
            type="submit"
            className="btn btn-secondary btn-sm"
            disabled={!valid || update.isPending || parsed === current}
            data-testid="unsure-threshold-save"
          >
            Save
          </button>
        </form>
      )}
      <p className="muted small">
        Less sure than this, a new conversation goes to Needs review instead of a queue; the intent an agent
        chooses there routes it and counts as a correction for retraining. 0 turns review off. Default{' '}
        {fallback ?? '—'}%.
      </p>
      {!valid && value !== '' && <p className="field-error">Enter a whole number from 0 to {MAX_PERCENT}.</p>}
      {update.error && <ErrorBanner error={update.error} />}
    </section>
  );
}
