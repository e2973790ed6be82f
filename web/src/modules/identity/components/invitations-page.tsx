import { errorMessage } from '../../../shared/api/api-error.ts';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useAnswerInvitation, useMyInvitations } from '../hooks/use-invitations.ts';

/** Invitations to join organizations, to accept or decline. */
export function InvitationsPage() {
  const invitations = useMyInvitations();
  const answer = useAnswerInvitation();
  const items = invitations.data?.items ?? [];
  return (
    <>
      <PageHeader title="Invitations" />
      {invitations.isPending && <Loading />}
      {invitations.error && <ErrorBanner error={invitations.error} />}
      {invitations.data && items.length === 0 && (
        <EmptyState title="No invitations">
          When a brand or reseller invites you to its team, it shows up here.
        </EmptyState>
      )}
      <div className="invitation-list">
        {items.map((inv) => (
          <div key={inv.id} className="invitation" data-testid="invitation">
            <AccountRow
              account={inv.org}
              trailing={
                <div className="button-row">
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    data-testid="invitation-accept"
                    disabled={answer.isPending}
                    onClick={() => answer.mutate({ id: inv.id, answer: 'accept' })}
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    className="btn btn-secondary btn-sm"
                    data-testid="invitation-decline"
                    disabled={answer.isPending}
                    onClick={() => answer.mutate({ id: inv.id, answer: 'decline' })}
                  >
                    Decline
                  </button>
                </div>
              }
            />
            <p className="muted small invitation-role">
              Invited as <strong>{inv.role}</strong>
            </p>
          </div>
        ))}
      </div>
      {answer.error && <p className="inline-error">{errorMessage(answer.error)}</p>}
    </>
  );
}
