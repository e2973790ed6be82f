import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { type RequestPage, rfpApi, rfpKeys } from '../api/rfp.api.ts';

/**
 * Moving a request to direct messages: an asked brand's staff invite the requester; the requester accepts or
 * declines each brand's invitation here (care's consent to continue privately).
 */
export function DmInvitations({ page }: { page: RequestPage }) {
  const queryClient = useQueryClient();
  const done = { onSuccess: () => queryClient.invalidateQueries({ queryKey: rfpKeys.all }) };
  const id = page.request.id;
  const invite = useMutation({ mutationFn: (brand: string) => rfpApi.inviteToDm(id, brand), ...done });
  const answer = useMutation({
    mutationFn: (a: { brand: string; accept: boolean }) => rfpApi.answerDm(id, a.brand, a.accept),
    ...done,
  });
  const invited = new Set(page.dm.map((d) => d.brand?.handle));
  const canInvite =
    page.request.state === 'open' ? page.viewer.canPitchAs.filter((b) => !invited.has(b.handle)) : [];
  if (page.dm.length === 0 && canInvite.length === 0) return null;
  return (
    <section className="rfp-dm" data-testid="rfp-dm">
      {page.dm.map((d) => (
        <p key={d.brand?.id} className="rfp-meta" data-testid="dm-invitation">
          @{d.brand?.handle}{' '}
          {d.status === 'invited'
            ? 'invites you to continue by direct message'
            : d.status === 'accepted'
              ? 'continues with you by direct message'
              : '— direct messages declined'}
          {d.status === 'invited' && page.viewer.isRequester && d.brand && (
            <span className="rfp-actions">
              <button
                type="button"
                className="btn btn-primary"
                data-testid="dm-accept"
                onClick={() => answer.mutate({ brand: d.brand!.handle, accept: true })}
              >
                Accept
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => answer.mutate({ brand: d.brand!.handle, accept: false })}
              >
                Decline
              </button>
            </span>
          )}
        </p>
      ))}
      {canInvite.map((b) => (
        <button
          key={b.id}
          type="button"
          className="btn btn-secondary"
          data-testid="dm-invite"
          onClick={() => invite.mutate(b.handle)}
        >
          Invite to DM as @{b.handle}
        </button>
      ))}
      <ErrorBanner error={invite.error ?? answer.error} />
    </section>
  );
}
