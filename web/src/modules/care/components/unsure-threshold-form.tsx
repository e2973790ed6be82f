import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useInboxSettings, useUpdateInboxSettings } from '../hooks/use-care-extras.ts';
import { WholeNumberSetting } from './whole-number-setting.tsx';

const MAX_PERCENT = 95;
const percent = (share: number) => Math.round(100 * share);

/** How sure triage must be before it routes a message; below it, the conversation waits in Needs review. */
export function UnsureThresholdForm({ handle }: { handle: string }) {
  const settings = useInboxSettings(handle);
  const update = useUpdateInboxSettings(handle);
  return (
    <section className="rules-section" aria-label="Triage confidence">
      <h2>Needs review</h2>
      {settings.error ? (
        <ErrorBanner error={settings.error} />
      ) : settings.data === undefined ? (
        <Loading />
      ) : (
        <WholeNumberSetting
          label="Route only when triage is at least (%) sure"
          min={0}
          max={MAX_PERCENT}
          current={percent(settings.data.unsureBelow)}
          pending={update.isPending}
          save={(value, done) => update.mutate({ unsureBelow: value / 100 }, { onSuccess: done })}
          testId="unsure-threshold"
        />
      )}
      <p className="muted small">
        Less sure than this, a new conversation goes to Needs review instead of a queue; the intent an agent
        chooses there routes it and counts as a correction for retraining. 0 turns review off. Default{' '}
        {settings.data ? percent(settings.data.unsureBelowDefault) : '—'}%.
      </p>
      {update.error && <ErrorBanner error={update.error} />}
    </section>
  );
}
