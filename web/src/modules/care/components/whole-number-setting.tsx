import { type FormEvent, useState } from 'react';

/**
 * One whole-number setting of the brand's inbox (a label, an input from `min` to `max`, and Save, enabled once the
 * typed value is valid and differs from the saved one). The draft is kept until the save succeeds.
 */
export function WholeNumberSetting({
  label,
  min,
  max,
  current,
  pending,
  save,
  testId,
}: {
  label: string;
  min: number;
  max: number;
  /** The saved value. */
  current: number;
  pending: boolean;
  save: (value: number, done: () => void) => void;
  /** Prefix of the input's and the button's test ids (`-input`, `-save`). */
  testId: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? String(current);
  const parsed = Number(value);
  const valid = value !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= max;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) save(parsed, () => setDraft(null));
  };
  return (
    <>
      <form className="inbox-settings-form" onSubmit={submit}>
        <label className="care-select">
          <span>{label}</span>
          <input
            type="number"
            min={min}
            max={max}
            step={1}
            value={value}
            onChange={(e) => setDraft(e.target.value)}
            aria-invalid={!valid || undefined}
            data-testid={`${testId}-input`}
          />
        </label>
        <button
          type="submit"
          className="btn btn-secondary btn-sm"
          disabled={!valid || pending || parsed === current}
          data-testid={`${testId}-save`}
        >
          Save
        </button>
      </form>
      {!valid && value !== '' && (
        <p className="field-error">
          Enter a whole number from {min} to {max}.
        </p>
      )}
    </>
  );
}
