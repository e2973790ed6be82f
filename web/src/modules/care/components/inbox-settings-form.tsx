import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { MAX_PUBLIC_REPLY_LIMIT } from '../api/care-extras.types.ts';
import { useInboxSettings, useUpdateInboxSettings } from '../hooks/use-care-extras.ts';
import { WholeNumberSetting } from './whole-number-setting.tsx';

/** The brand's public reply limit, for owners and admins; agents see it on the reply box's counter. */
export function InboxSettingsForm({ handle }: { handle: string }) {
  const settings = useInboxSettings(handle);
  const update = useUpdateInboxSettings(handle);
  return (
    <section className="rules-section" aria-label="Reply settings">
      <h2>Public replies</h2>
      {settings.error ? (
        <ErrorBanner error={settings.error} />
      ) : settings.data === undefined ? (
        <Loading />
      ) : (
        <WholeNumberSetting
          label="Longest public reply (characters)"
          min={1}
          max={MAX_PUBLIC_REPLY_LIMIT}
          current={settings.data.publicReplyLimit}
          pending={update.isPending}
          save={(publicReplyLimit, done) => update.mutate({ publicReplyLimit }, { onSuccess: done })}
          testId="reply-limit"
        />
      )}
      <p className="muted small">
        From 1 to {MAX_PUBLIC_REPLY_LIMIT} (a reply is a post). Direct messages keep their own limit of{' '}
        {settings.data?.privateReplyLimit ?? 500}.
      </p>
      {update.error && <ErrorBanner error={update.error} />}
    </section>
  );
}
