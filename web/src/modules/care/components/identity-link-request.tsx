import { ErrorBanner } from '../../../shared/ui/status.tsx';
import {
  useAnswerIdentityLink,
  useMyIdentityLinks,
  useRemoveIdentityLink,
} from '../hooks/use-care-extras.ts';

/**
 * The person's answer to a brand's proposal that an identity on another network is theirs: confirm or decline
 * while it is pending, remove once confirmed. Nothing is linked without their yes.
 */
export function IdentityLinkRequest({ id }: { id: string }) {
  const links = useMyIdentityLinks();
  const answer = useAnswerIdentityLink();
  const remove = useRemoveIdentityLink();
  if (links.isPending) return null;
  const link = links.data?.items.find((l) => l.id === id);
  const busy = answer.isPending || remove.isPending;
  return (
    <div className="identity-request" data-testid="identity-request" data-status={link?.status ?? 'closed'}>
      {!link ? (
        <p className="muted small">Not linked.</p>
      ) : link.status === 'pending' ? (
        <div className="care-reply-actions">
          <button
            type="button"
            className="btn btn-primary btn-xs"
            disabled={busy}
            onClick={() => answer.mutate({ id, accept: true })}
            data-testid="identity-confirm"
          >
            Yes, that’s me
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-xs"
            disabled={busy}
            onClick={() => answer.mutate({ id, accept: false })}
            data-testid="identity-decline"
          >
            Decline
          </button>
        </div>
      ) : (
        <p className="small">
          Linked for {link.brand?.name ?? 'this brand'}.{' '}
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => remove.mutate(id)}
            data-testid="identity-remove"
          >
            Remove link
          </button>
        </p>
      )}
      {(answer.error || remove.error) && <ErrorBanner error={answer.error ?? remove.error} />}
    </div>
  );
}
