import { type FormEvent, useState } from 'react';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { MAX_PUBLIC_REPLY_LIMIT } from '../api/care-extras.types.ts';
import { useInboxSettings, useUpdateInboxSettings } from '../hooks/use-care-extras.ts';

/** The brand's public reply limit, for owners and admins; agents see it on the reply box's counter. */
export function InboxSettingsForm({ handle }: { handle: string }) {
  const settings = useInboxSettings(handle);
  const update = useUpdateInboxSettings(handle);
  const [draft, setDraft] = useState<string | null>(null);
  const current = settings.data?.publicReplyLimit;
  const value = draft ?? (current === undefined ? '' : String(current));
  const parsed = Number(value);
  const valid = Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_PUBLIC_REPLY_LIMIT;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    update.mutate({ publicReplyLimit: parsed }, { onSuccess: () => setDraft(null) });
  };
  return (
    <section className="rules-section" aria-label="Reply settings">
      <h2>Public replies</h2>
      {settings.isPending ? (
        <Loading />
      ) : (
        <form className="inbox-settings-form" onSubmit={submit}>
          <label className="care-select">
            <span>Longest public reply (characters)</span>
            <input
              type="number"
              min={1}
              max={MAX_PUBLIC_REPLY_LIMIT}
              step={1}
              value={value}
              onChange={(e) => setDraft(e.target.value)}
              aria-invalid={!valid || undefined}
              data-testid="reply-limit-input"
            />
          </label>
          <button
            type="submit"
            className="btn btn-secondary btn-sm"
            disabled={!valid || update.isPending || parsed === current}
            data-testid="reply-limit-save"
          >
            Save
          </button>
        </form>
      )}
      <p className="muted small">
        From 1 to {MAX_PUBLIC_REPLY_LIMIT} (a reply is a post). Direct messages keep their own limit of{' '}
        {settings.data?.privateReplyLimit ?? 500}.
      </p>
      {!valid && value !== '' && (
        <p className="field-error">Enter a whole number from 1 to {MAX_PUBLIC_REPLY_LIMIT}.</p>
      )}
      {update.error && <ErrorBanner error={update.error} />}
    </section>
  );
}
